package io.huduma.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** Open statistics: a server-drawn SVG chart per agency with the figures in a table, and the CSV. */
class StatisticsPagesTest extends PortalTestSupport {

    @Test
    void aChartPerAgencyWithoutScriptAndTheSuppressedCountsSaidSo() throws Exception {
        GATEWAY.json("GET", "/api/v1/open-data/requests", 200, """
                {"computedAt":"2026-02-02T07:00:00Z","suppressionThreshold":5,"rows":[
                 {"month":"2026-01","agencyCode":"brela","serviceId":"%1$s","serviceNameSw":"Leseni","serviceNameEn":"Licence",
                  "submitted":12,"decided":10,"approved":8,"rejected":2,"withdrawn":null,"medianWorkingDaysToDecision":3.5,
                  "p90WorkingDaysToDecision":6,"decidedWithinSlaShare":0.9},
                 {"month":"2026-02","agencyCode":"brela","serviceId":"%1$s","serviceNameSw":"Leseni","serviceNameEn":"Licence",
                  "submitted":null,"decided":null,"approved":null,"rejected":null,"withdrawn":null,"medianWorkingDaysToDecision":null,
                  "p90WorkingDaysToDecision":null,"decidedWithinSlaShare":null},
                 {"month":"2026-01","agencyCode":"rita","serviceId":"%1$s","serviceNameSw":"Cheti","serviceNameEn":"Certificate",
                  "submitted":6,"decided":5,"approved":5,"rejected":null,"withdrawn":null,"medianWorkingDaysToDecision":2.0,
                  "p90WorkingDaysToDecision":4,"decidedWithinSlaShare":1.0}]}""".formatted(SERVICE_ID));
        String html = mvc.perform(get("/statistics")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<svg class=\"chart\"", "role=\"img\"", "aria-labelledby=\"chart-brela\"", "aria-labelledby=\"chart-rita\"",
                "Maombi yaliyotumwa kwa mwezi: BRELA", ">12</text>", ">1-4</text>", "chini ya 5", "90%", "/statistics.csv")
                .doesNotContain("<script", "style=\"");
        assertThat(html).containsPattern("<rect class=\"bar\" x=\"12\" y=\"20\" width=\"36\" height=\"140\"");
    }

    @Test
    void theCsvIsTheApisOwnAsADownload() throws Exception {
        GATEWAY.answer("GET", "/api/v1/open-data/requests.csv", new FakeGateway.Answer(200, "text/csv",
                "month,agencyCode\n2026-01,brela\n", java.util.Map.of()));
        String csv = mvc.perform(get("/statistics.csv").param("agency", "brela")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"takwimu-huria.csv\""))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).isEqualTo("month,agencyCode\n2026-01,brela\n");
        assertThat(GATEWAY.calls("GET", "/api/v1/open-data/requests.csv").get(0).path()).isEqualTo("/api/v1/open-data/requests.csv?agency=brela");
    }
}
