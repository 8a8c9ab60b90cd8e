package io.huduma.portal.officer;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.huduma.portal.gateway.GatewayClient;
import tools.jackson.databind.JsonNode;

/** An agency's services as its staff see them (drafts included). */
@Component
public class AgencyServices {

    /** A service of the agency: state, latest version and whether a draft is pending. */
    public record Entry(String id, String slug, String status, Integer currentVersion, String nameSw, String nameEn,
                        boolean hasDraft) {

        public String name(String lang) {
            String wanted = "en".equals(lang) ? nameEn : nameSw;
            return wanted == null || wanted.isBlank() ? slug : wanted;
        }
    }

    private final GatewayClient gateway;

    AgencyServices(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public List<Entry> of(String agency) {
        List<Entry> entries = new ArrayList<>();
        JsonNode body = gateway.get("/api/v1/agencies/" + org.springframework.web.util.UriUtils.encodePathSegment(agency,
                java.nio.charset.StandardCharsets.UTF_8) + "/services").body();
        for (JsonNode s : body.isArray() ? body : body.path("items")) {
            entries.add(new Entry(s.path("id").asString(), s.path("slug").asString(), s.path("status").asString(),
                    s.path("currentVersion").isNumber() ? s.path("currentVersion").asInt() : null,
                    s.path("name").path("sw").asString(""), s.path("name").path("en").asString(""),
                    s.path("hasDraft").asBoolean(false)));
        }
        return entries;
    }
}
