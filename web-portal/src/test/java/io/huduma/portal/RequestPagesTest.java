package io.huduma.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A citizen's requests: the list, one request with its timeline, the response form, withdrawal. */
class RequestPagesTest extends PortalTestSupport {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void myRequestsListsTrackingNumbersAndStatuses() throws Exception {
        GATEWAY.json("GET", "/api/v1/requests", 200, "{\"items\":[" + request("IN_REVIEW", 2) + "],\"page\":0,\"size\":20,\"totalItems\":1,\"totalPages\":1}");
        String html = mvc.perform(get("/requests").with(citizen())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("HD-7K3P-9QX2", "Leseni ya Biashara", "Linashughulikiwa", "/requests/" + REQUEST_ID);
        assertThat(GATEWAY.calls("GET", "/api/v1/requests").get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
        mvc.perform(get("/requests")).andExpect(status().is3xxRedirection());
    }

    @Test
    void oneRequestShowsItsStatusDueDateTimelineAndTheOfficersQuestionWithAFormToAnswer() throws Exception {
        GATEWAY.json("GET", "/api/v1/requests/" + REQUEST_ID, 200, request("NEEDS_INFO", 3))
                .json("GET", "/api/v1/requests/" + REQUEST_ID + "/timeline", 200, TIMELINE);
        String html = mvc.perform(get("/requests/" + REQUEST_ID).with(citizen()).flashAttr("submitted", "HD-7K3P-9QX2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Ombi lako limepokelewa. Namba ya ufuatiliaji: HD-7K3P-9QX2",
                "id=\"tracking-number\">HD-7K3P-9QX2", "Taarifa zaidi zinahitajika", "11 Feb 2026", "Kwa wakati",
                "Tafadhali tuma nakala ya mkataba wa pango.", "Ofisi: brela", "Jibu maswali ya afisa",
                "value=\"Neema Mollel\"", "<option value=\"arusha\" selected=\"selected\">Arusha</option>",
                "/requests/" + REQUEST_ID + "/withdrawal");
    }

    @Test
    void answeringSendsTheMergedAnswersAndTheNote() throws Exception {
        GATEWAY.json("GET", "/api/v1/requests/" + REQUEST_ID, 200, request("NEEDS_INFO", 3))
                .json("POST", "/api/v1/requests/" + REQUEST_ID + "/responses", 200, request("IN_REVIEW", 4));
        mvc.perform(post("/requests/" + REQUEST_ID + "/response").with(citizen()).with(csrf())
                        .param("f.fullName", "Neema Mollel").param("f.employees", "3").param("f.startDate", "2026-03-01")
                        .param("f.region", "arusha").param("f.hasPremises", "true").param("note", "Nakala imetumwa."))
                .andExpect(redirectedUrl("/requests/" + REQUEST_ID))
                .andExpect(flash().attribute("responded", true));
        JsonNode sent = json.readTree(GATEWAY.calls("POST", "/api/v1/requests/" + REQUEST_ID + "/responses").get(0).body());
        assertThat(sent.path("note").asString()).isEqualTo("Nakala imetumwa.");
        assertThat(sent.path("answers").path("hasPremises").asBoolean()).isTrue();
    }

    @Test
    void withdrawingBeforeADecisionAndARefusedWithdrawalIsExplained() throws Exception {
        GATEWAY.json("POST", "/api/v1/requests/" + REQUEST_ID + "/withdrawal", 200, request("WITHDRAWN", 4));
        mvc.perform(post("/requests/" + REQUEST_ID + "/withdrawal").with(citizen()).with(csrf()).param("reason", "Nimebadili mpango"))
                .andExpect(redirectedUrl("/requests/" + REQUEST_ID)).andExpect(flash().attribute("withdrawn", true));
        assertThat(GATEWAY.calls("POST", "/api/v1/requests/" + REQUEST_ID + "/withdrawal").get(0).body()).contains("Nimebadili mpango");

        GATEWAY.json("POST", "/api/v1/requests/" + REQUEST_ID + "/withdrawal", 409,
                "{\"title\":\"Mgongano\",\"status\":409,\"detail\":\"Ombi limeshaamuliwa\"}");
        mvc.perform(post("/requests/" + REQUEST_ID + "/withdrawal").with(citizen()).with(csrf()))
                .andExpect(flash().attribute("actionError", "Ombi limeshaamuliwa"));
    }

    @Test
    void someoneElsesRequestIsNotFound() throws Exception {
        GATEWAY.json("GET", "/api/v1/requests/" + REQUEST_ID, 404, "{\"title\":\"Haipatikani\",\"status\":404}");
        mvc.perform(get("/requests/" + REQUEST_ID).with(citizen())).andExpect(status().isNotFound());
        mvc.perform(get("/requests/not-a-uuid!").with(citizen())).andExpect(status().isNotFound());
    }
}
