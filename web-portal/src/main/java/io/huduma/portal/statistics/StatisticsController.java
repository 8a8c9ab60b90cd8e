package io.huduma.portal.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.huduma.portal.gateway.GatewayClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Open statistics (takwimu huria): a chart per agency drawn on the server, and the CSV as the API gives it. */
@Controller
class StatisticsController {

    private final GatewayClient gateway;
    private final JsonMapper json;

    StatisticsController(GatewayClient gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    @GetMapping("/statistics")
    @SuppressWarnings("unchecked")
    String statistics(@RequestParam(required = false) String agency, Model model) {
        JsonNode body = gateway.get(path("/api/v1/open-data/requests", agency)).body();
        Map<String, List<Map<String, Object>>> byAgency = new TreeMap<>();
        for (JsonNode row : body.path("rows")) {
            Map<String, Object> values = json.convertValue(row, LinkedHashMap.class);
            byAgency.computeIfAbsent(row.path("agencyCode").asString(), a -> new ArrayList<>()).add(values);
        }
        List<AgencyChart> charts = new ArrayList<>();
        byAgency.forEach((code, rows) -> charts.add(AgencyChart.of(code, rows)));
        model.addAttribute("charts", charts);
        model.addAttribute("agency", agency);
        model.addAttribute("threshold", body.path("suppressionThreshold").asInt(5));
        model.addAttribute("computedAt", body.path("computedAt").asString(""));
        return "statistics";
    }

    @GetMapping("/statistics.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String agency) {
        String csv = gateway.text(path("/api/v1/open-data/requests.csv", agency), MediaType.valueOf("text/csv"));
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"takwimu-huria.csv\"")
                .body(csv);
    }

    private static String path(String base, String agency) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base);
        if (agency != null && agency.matches("[a-z0-9-]{1,40}")) {
            uri.queryParam("agency", agency);
        }
        return uri.build().toUriString();
    }
}
