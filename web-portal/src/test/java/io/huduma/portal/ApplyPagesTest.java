package io.huduma.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The application form rendered from the service's form schema, its idempotency key, and the API's field errors. */
class ApplyPagesTest extends PortalTestSupport {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void signingInComesFirst() throws Exception {
        mvc.perform(get("/services/" + SERVICE_ID + "/apply"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        mvc.perform(get("/services/" + SERVICE_ID + "/apply").with(officer())).andExpect(status().isForbidden());
    }

    @Test
    void theFormIsRenderedFromTheSchemaWithEachKindOfFieldLabelledInTheChosenLanguage() throws Exception {
        String html = form(get("/services/" + SERVICE_ID + "/apply").with(citizen()));
        assertThat(html).contains(
                "<label for=\"f-fullName\"><span>Jina kamili</span> <span>(lazima)</span></label>",
                "<p class=\"help\" id=\"f-fullName-help\">Kama kwenye kitambulisho</p>",
                "id=\"f-fullName\" name=\"f.fullName\" type=\"text\"",
                "aria-describedby=\"f-fullName-help\"",
                "id=\"f-employees\" name=\"f.employees\" type=\"number\"", "min=\"0\" max=\"1000\" step=\"1\"",
                "id=\"f-startDate\" name=\"f.startDate\" type=\"date\"",
                "<select id=\"f-region\" name=\"f.region\"", "<option value=\"arusha\">Arusha</option>",
                "<legend><span>Una eneo la biashara?</span>", "type=\"radio\" id=\"f-hasPremises-yes\" name=\"f.hasPremises\" value=\"true\"",
                "<legend>Mmiliki</legend>", "id=\"f-owner-nin\" name=\"f.owner.nin\"",
                "<textarea id=\"f-products\" name=\"f.products\"",
                "name=\"_csrf\"", "<form action=\"/services/" + SERVICE_ID + "/apply\" method=\"post\" novalidate>");
        assertThat(html).doesNotContain("<script");
        assertThat(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("apply page weight").isLessThan(100_000);

        String english = mvc.perform(get("/services/" + SERVICE_ID + "/apply").with(citizen())
                        .cookie(new jakarta.servlet.http.Cookie("HUDUMA_LANG", "en")))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Full name", "As on your ID", "Do you have business premises?", "Number of employees", "(required)");
    }

    @Test
    void applyingSendsTypedAnswersWithTheKeyFixedWhenTheFormWasRenderedAndTheTokenFromTheSession() throws Exception {
        GATEWAY.answer("POST", "/api/v1/requests", new FakeGateway.Answer(201, "application/json", request("SUBMITTED", 1),
                java.util.Map.of("ETag", "\"" + REQUEST_ID + ".1\"")));
        String html = form(get("/services/" + SERVICE_ID + "/apply").with(citizen()));
        Matcher key = KEY.matcher(html);
        assertThat(key.find()).isTrue();

        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/services/" + SERVICE_ID + "/apply").with(citizen()).with(csrf())
                            .param("idempotencyKey", key.group(1))
                            .param("f.fullName", " Neema Mollel ").param("f.employees", "12").param("f.startDate", "2026-03-01")
                            .param("f.region", "arusha").param("f.hasPremises", "false").param("f.owner.nin", "19900101123450000123")
                            .param("f.products", "Vitenge\nKhanga\n"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/requests/" + REQUEST_ID))
                    .andExpect(flash().attribute("submitted", "HD-7K3P-9QX2"));
        }
        assertThat(GATEWAY.calls("POST", "/api/v1/requests")).hasSize(2).allSatisfy(call -> {
            assertThat(call.header("Idempotency-Key")).as("a double click sends the same key").isEqualTo(key.group(1));
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            JsonNode body = json.readTree(call.body());
            assertThat(body.path("serviceId").asString()).isEqualTo(SERVICE_ID);
            assertThat(body.path("channel").asString()).isEqualTo("web");
            JsonNode answers = body.path("answers");
            assertThat(answers.path("fullName").asString()).isEqualTo("Neema Mollel");
            assertThat(answers.path("employees").isIntegralNumber()).isTrue();
            assertThat(answers.path("employees").asInt()).isEqualTo(12);
            assertThat(answers.path("hasPremises").isBoolean()).isTrue();
            assertThat(answers.path("hasPremises").asBoolean()).isFalse();
            assertThat(answers.path("startDate").asString()).isEqualTo("2026-03-01");
            assertThat(answers.path("owner").path("nin").asString()).isEqualTo("19900101123450000123");
            assertThat(answers.path("products").get(1).asString()).isEqualTo("Khanga");
        });
    }

    @Test
    void theApisFieldErrorsAreShownNextToTheirFieldsAndLinkedFromTheSummary() throws Exception {
        GATEWAY.json("POST", "/api/v1/requests", 422, """
                {"title":"Majibu hayalingani na fomu","status":422,"detail":"Majibu hayalingani na fomu ya huduma",
                 "errors":[{"pointer":"/answers/employees","message":"aina ya jibu si sahihi (inatarajiwa namba)"},
                           {"pointer":"/answers/owner/nin","message":"haliko katika muundo unaotarajiwa"},
                           {"pointer":"/answers/region","message":"jibu linahitajika"}]}""");
        String html = mvc.perform(post("/services/" + SERVICE_ID + "/apply").with(citizen()).with(csrf())
                        .param("idempotencyKey", "11111111-2222-3333-4444-555555555555")
                        .param("f.fullName", "Neema").param("f.employees", "kumi na mbili").param("f.owner.nin", "123"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains(
                "<p class=\"error\" id=\"f-employees-error\">aina ya jibu si sahihi (inatarajiwa namba)</p>",
                "aria-invalid=\"true\" aria-describedby=\"f-employees-error\"",
                "<p class=\"error\" id=\"f-owner-nin-error\">haliko katika muundo unaotarajiwa</p>",
                "<p class=\"error\" id=\"f-region-error\">jibu linahitajika</p>",
                "href=\"#f-employees\"", "href=\"#f-region\"",
                "value=\"kumi na mbili\"", "value=\"Neema\"");
        assertThat(json.readTree(GATEWAY.calls("POST", "/api/v1/requests").get(0).body()).path("answers").path("employees").asString())
                .as("a number the person did not type as a number goes as typed, for the API to name").isEqualTo("kumi na mbili");
        Matcher key = KEY.matcher(html);
        assertThat(key.find()).isTrue();
        assertThat(key.group(1)).as("nothing was created: the corrected form gets a key of its own")
                .isNotEqualTo("11111111-2222-3333-4444-555555555555");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndNothingReachesTheApi() throws Exception {
        mvc.perform(post("/services/" + SERVICE_ID + "/apply").with(citizen()).param("f.fullName", "Neema"))
                .andExpect(status().isForbidden());
        assertThat(GATEWAY.calls("POST", "/api/v1/requests")).isEmpty();
    }

    private String form(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
