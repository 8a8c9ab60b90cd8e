package io.huduma.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The officer console and the agency admin's services, with who may see them. */
class OfficerConsoleTest extends PortalTestSupport {

    private static final String SERVICES = """
            [{"id":"%s","agencyCode":"brela","slug":"business-licence","status":"PUBLISHED","currentVersion":1,
              "name":{"sw":"Leseni ya Biashara","en":"Business Licence"},"hasDraft":false}]""".formatted(SERVICE_ID);
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void onlyStaffSeeTheQueueAndOnlyAgencyAdminsTheServices() throws Exception {
        mvc.perform(get("/officer").with(citizen())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/services").with(officer())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/services").with(citizen())).andExpect(status().isForbidden());
        mvc.perform(get("/officer")).andExpect(status().is3xxRedirection());
        assertThat(GATEWAY.calls()).as("nothing asked of the API for a refused page").isEmpty();
    }

    @Test
    void theQueuePassesFiltersAndPagesToTheApi() throws Exception {
        GATEWAY.json("GET", "/api/v1/requests/queue", 200, "{\"items\":[" + request("SUBMITTED", 1)
                        + "],\"page\":1,\"size\":20,\"totalItems\":41,\"totalPages\":3}")
                .json("GET", "/api/v1/agencies/brela/services", 200, SERVICES);
        String html = mvc.perform(get("/officer").with(officer()).param("status", "SUBMITTED").param("assignee", "none")
                        .param("serviceId", SERVICE_ID).param("due", "late").param("page", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("HD-7K3P-9QX2", "/officer/requests/" + REQUEST_ID, "Ukurasa 2 kati ya 3", "page=2", "page=0",
                "<option value=\"SUBMITTED\" selected=\"selected\">Limepokelewa</option>");
        String path = GATEWAY.calls("GET", "/api/v1/requests/queue").get(0).path();
        assertThat(path).contains("status=SUBMITTED", "assignee=none", "serviceId=" + SERVICE_ID, "dueBefore=", "page=1");
    }

    @Test
    void aStatusChangeCarriesTheVersionSeenAndAStaleOneIsExplained() throws Exception {
        GATEWAY.answer("GET", "/api/v1/requests/" + REQUEST_ID, new FakeGateway.Answer(200, "application/json",
                        request("IN_REVIEW", 2), Map.of("ETag", "\"" + REQUEST_ID + ".2\"")))
                .json("GET", "/api/v1/requests/" + REQUEST_ID + "/timeline", 200, TIMELINE);
        String html = mvc.perform(get("/officer/requests/" + REQUEST_ID).with(officer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Majibu ya mwombaji", "Neema Mollel", "Arusha", "citizen-subject",
                "name=\"etag\" value=\"&quot;" + REQUEST_ID + ".2&quot;\"",
                "<option value=\"NEEDS_INFO\">Taarifa zaidi zinahitajika</option>", "Nipe ombi hili");

        GATEWAY.json("POST", "/api/v1/requests/" + REQUEST_ID + "/status-changes", 200, request("NEEDS_INFO", 3));
        mvc.perform(post("/officer/requests/" + REQUEST_ID + "/status-changes").with(officer()).with(csrf())
                        .param("to", "NEEDS_INFO").param("note", "Tuma mkataba wa pango.").param("visibleToCitizen", "true")
                        .param("etag", "\"" + REQUEST_ID + ".2\""))
                .andExpect(redirectedUrl("/officer/requests/" + REQUEST_ID))
                .andExpect(flash().attribute("done", "Hali imebadilishwa kuwa: Taarifa zaidi zinahitajika"));
        FakeGateway.Call change = GATEWAY.calls("POST", "/api/v1/requests/" + REQUEST_ID + "/status-changes").get(0);
        assertThat(change.header("If-Match")).isEqualTo("\"" + REQUEST_ID + ".2\"");
        JsonNode body = json.readTree(change.body());
        assertThat(body.path("to").asString()).isEqualTo("NEEDS_INFO");
        assertThat(body.path("visibleToCitizen").asBoolean()).isTrue();
        assertThat(body.path("note").asString()).isEqualTo("Tuma mkataba wa pango.");

        GATEWAY.json("POST", "/api/v1/requests/" + REQUEST_ID + "/status-changes", 412,
                "{\"title\":\"Precondition failed\",\"status\":412}");
        mvc.perform(post("/officer/requests/" + REQUEST_ID + "/status-changes").with(officer()).with(csrf())
                        .param("to", "APPROVED").param("etag", "\"" + REQUEST_ID + ".1\""))
                .andExpect(flash().attribute("actionError",
                        "Ombi hili limebadilishwa na mtu mwingine tangu ulipolifungua. Angalia hali yake mpya kisha ujaribu tena."));
    }

    @Test
    void assignToSelfAndInternalNotes() throws Exception {
        GATEWAY.json("POST", "/api/v1/requests/" + REQUEST_ID + "/assignment", 200, request("IN_REVIEW", 3))
                .json("POST", "/api/v1/requests/" + REQUEST_ID + "/notes", 201, "{}");
        mvc.perform(post("/officer/requests/" + REQUEST_ID + "/assignment").with(officer()).with(csrf()))
                .andExpect(flash().attribute("done", "Ombi limepewa wewe."));
        assertThat(GATEWAY.calls("POST", "/api/v1/requests/" + REQUEST_ID + "/assignment").get(0).body()).contains("\"self\"");
        mvc.perform(post("/officer/requests/" + REQUEST_ID + "/notes").with(officer()).with(csrf()).param("text", "Nimepiga simu."))
                .andExpect(flash().attribute("done", "Ujumbe umehifadhiwa."));
        JsonNode note = json.readTree(GATEWAY.calls("POST", "/api/v1/requests/" + REQUEST_ID + "/notes").get(0).body());
        assertThat(note.path("visibleToCitizen").asBoolean()).as("internal unless ticked").isFalse();
    }

    @Test
    void anAgencyAdminEditsTheDraftAsJsonAndSeesThePublicationRefusalsByPointer() throws Exception {
        GATEWAY.json("GET", "/api/v1/agencies/brela/services", 200, SERVICES);
        assertThat(mvc.perform(get("/admin/services").with(agencyAdmin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Leseni ya Biashara", "business-licence", "/retirement");

        mvc.perform(post("/admin/services/" + SERVICE_ID + "/draft").with(agencyAdmin()).with(csrf()).param("document", "{not json"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Hati si JSON sahihi")));
        assertThat(GATEWAY.calls("PUT", "/api/v1/services/")).isEmpty();

        GATEWAY.json("PUT", "/api/v1/services/" + SERVICE_ID + "/draft", 200, "{}");
        mvc.perform(post("/admin/services/" + SERVICE_ID + "/draft").with(agencyAdmin()).with(csrf())
                        .param("document", "{\"slug\":\"business-licence\",\"formSchema\":{\"type\":\"object\"}}"))
                .andExpect(redirectedUrl("/admin/services/" + SERVICE_ID));
        assertThat(json.readTree(GATEWAY.calls("PUT", "/api/v1/services/" + SERVICE_ID + "/draft").get(0).body())
                .path("formSchema").path("type").asString()).isEqualTo("object");

        GATEWAY.json("POST", "/api/v1/services/" + SERVICE_ID + "/publication", 422, """
                {"title":"Fomu si sahihi","status":422,"errors":[{"pointer":"/formSchema/properties/age/x-label/en",
                 "message":"the English (en) text is missing"}]}""")
                .json("GET", "/api/v1/services/" + SERVICE_ID + "/draft", 200, "{\"id\":\"" + SERVICE_ID + "\",\"draft\":{\"slug\":\"x\"}}");
        String refused = mvc.perform(post("/admin/services/" + SERVICE_ID + "/publication").with(agencyAdmin()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("/formSchema/properties/age/x-label/en", "the English (en) text is missing",
                "aria-describedby=\"document-help document-error\"");
    }
}
