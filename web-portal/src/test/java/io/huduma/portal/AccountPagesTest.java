package io.huduma.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sign-up by SMS code, password reset by code, profile and preferences, sign-out that ends the Keycloak session. */
class AccountPagesTest extends PortalTestSupport {

    private static final String REGISTRATION = "5f0c7a1e-9b2d-4c3e-8f4a-1b2c3d4e5f60";
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void signUpWithAPhoneNumberAndTheCodeSentBySms() throws Exception {
        GATEWAY.json("POST", "/api/v1/identity/registrations", 201,
                "{\"id\":\"" + REGISTRATION + "\",\"phoneNumber\":\"+255754123456\",\"expiresAt\":\"2026-02-02T07:05:00Z\"}");
        mvc.perform(post("/signup").with(csrf()).with(from("196.41.2.3")).param("phoneNumber", "0754 123 456").param("fullName", "Neema Mollel")
                        .param("password", "Neema-Mollel-2026!").param("language", "sw"))
                .andExpect(redirectedUrl("/signup/" + REGISTRATION))
                .andExpect(flash().attribute("phoneNumber", "+255754123456"));
        assertThat(GATEWAY.calls("POST", "/api/v1/identity/registrations").get(0).header("X-Forwarded-For"))
                .as("the person's address, so that per-address limits count people, not the portal").isEqualTo("196.41.2.3");
        JsonNode sent = json.readTree(GATEWAY.calls("POST", "/api/v1/identity/registrations").get(0).body());
        assertThat(sent.path("phoneNumber").asString()).isEqualTo("0754 123 456");
        assertThat(sent.path("language").asString()).isEqualTo("sw");

        GATEWAY.json("POST", "/api/v1/identity/registrations/" + REGISTRATION + "/verification", 400,
                "{\"title\":\"Taarifa si sahihi\",\"status\":400,\"errors\":[{\"pointer\":\"/code\",\"message\":\"namba si sahihi\"}]}");
        String wrong = mvc.perform(post("/signup/" + REGISTRATION + "/verification").with(csrf()).param("code", "000000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("<p class=\"error\" id=\"code-error\">namba si sahihi</p>", "aria-describedby=\"code-error\"",
                "aria-invalid=\"true\"", "href=\"#code\"");

        GATEWAY.json("POST", "/api/v1/identity/registrations/" + REGISTRATION + "/verification", 201,
                "{\"subject\":\"s\",\"phoneNumber\":\"+255754123456\"}");
        assertThat(mvc.perform(post("/signup/" + REGISTRATION + "/verification").with(csrf()).param("code", "123456"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Akaunti yako iko tayari", "/oauth2/authorization/keycloak");
    }

    @Test
    void signUpErrorsComeBackNextToTheirFieldsWithoutThePassword() throws Exception {
        GATEWAY.json("POST", "/api/v1/identity/registrations", 400, """
                {"title":"Taarifa si sahihi","status":400,"errors":[{"pointer":"/phoneNumber","message":"si namba ya simu ya mkononi"},
                 {"pointer":"/password","message":"liwe na angalau herufi 10"}]}""");
        String html = mvc.perform(post("/signup").with(csrf()).param("phoneNumber", "12").param("fullName", "Neema")
                        .param("password", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"phoneNumber-error\">si namba ya simu ya mkononi",
                "aria-describedby=\"phoneNumber-help phoneNumber-error\"", "id=\"password-error\">liwe na angalau herufi 10",
                "value=\"Neema\"").doesNotContain("value=\"short\"");
        mvc.perform(post("/signup").param("phoneNumber", "0754123456")).andExpect(status().isForbidden());
    }

    @Test
    void passwordResetByCode() throws Exception {
        GATEWAY.json("POST", "/api/v1/identity/password-resets", 202, "{\"id\":\"" + REGISTRATION + "\",\"expiresAt\":\"x\"}")
                .json("POST", "/api/v1/identity/password-resets/" + REGISTRATION + "/verification", 204, "");
        mvc.perform(post("/password-reset").with(csrf()).param("phoneNumber", "0754123456"))
                .andExpect(redirectedUrl("/password-reset/" + REGISTRATION));
        assertThat(mvc.perform(post("/password-reset/" + REGISTRATION).with(csrf()).param("code", "123456")
                        .param("newPassword", "Kilimanjaro#2027"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Nenosiri limebadilishwa");
        assertThat(GATEWAY.calls("POST", "/api/v1/identity/password-resets/" + REGISTRATION).get(0).body())
                .contains("\"newPassword\":\"Kilimanjaro#2027\"");
    }

    @Test
    void profileAndPreferences() throws Exception {
        GATEWAY.json("GET", "/api/v1/identity/me", 200, """
                {"subject":"citizen-subject","fullName":"Neema Mollel","phoneNumber":"+255754123456","email":null,"language":"sw",
                 "preferences":{"smsRequestUpdates":true,"smsReminders":false,"emailRequestUpdates":false,"emailReminders":false}}""")
                .json("PATCH", "/api/v1/identity/me", 200, "{}");
        String html = mvc.perform(get("/profile").with(citizen())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("+255754123456", "value=\"Neema Mollel\"",
                "id=\"smsRequestUpdates\" name=\"smsRequestUpdates\" value=\"true\" checked=\"checked\"");
        mvc.perform(post("/profile").with(citizen()).with(csrf()).param("fullName", "Neema A. Mollel").param("language", "en")
                        .param("emailReminders", "true"))
                .andExpect(redirectedUrl("/profile"));
        JsonNode patch = json.readTree(GATEWAY.calls("PATCH", "/api/v1/identity/me").get(0).body());
        assertThat(patch.path("fullName").asString()).isEqualTo("Neema A. Mollel");
        assertThat(patch.path("language").asString()).isEqualTo("en");
        assertThat(patch.path("preferences").path("emailReminders").asBoolean()).isTrue();
        assertThat(patch.path("preferences").path("smsRequestUpdates").asBoolean()).isFalse();
    }

    @Test
    void signOutEndsTheKeycloakSessionToo() throws Exception {
        mvc.perform(post("/logout").with(citizen()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("http://keycloak.test:8180/realms/huduma/protocol/openid-connect/logout?"),
                        org.hamcrest.Matchers.containsString("client_id=huduma-portal"),
                        org.hamcrest.Matchers.containsString("id_token_hint=id-token-value"),
                        org.hamcrest.Matchers.containsString("post_logout_redirect_uri=http://localhost/"))));
        mvc.perform(post("/logout").with(citizen())).andExpect(status().isForbidden());
    }

    @Test
    void signInIsTheAuthorizationCodeFlowWithPkce() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/keycloak")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).startsWith("http://keycloak.test:8180/realms/huduma/protocol/openid-connect/auth?")
                .contains("response_type=code", "client_id=huduma-portal", "code_challenge_method=S256", "code_challenge=",
                        "scope=openid", "redirect_uri=http://localhost/login/oauth2/code/keycloak");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
