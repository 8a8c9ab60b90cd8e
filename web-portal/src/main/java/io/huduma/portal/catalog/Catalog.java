package io.huduma.portal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import io.huduma.portal.gateway.GatewayClient;
import tools.jackson.databind.JsonNode;

/** The catalogue as the gateway API shows it, in the person's language. */
@Component
public class Catalog {

    /** A service in a result list. */
    public record ServiceItem(String id, String agencyCode, String agencyName, String name, String description,
                              String category, boolean free, Money fee, int slaWorkingDays) {
    }

    /** An agency. */
    public record Agency(String code, String name, String contactEmail, String contactPhone, String website) {
    }

    /** One page of results. */
    public record ResultPage(List<ServiceItem> items, int page, int totalPages, long totalItems) {

        public boolean hasNext() {
            return page + 1 < totalPages;
        }
    }

    /** A published service with everything a citizen needs before applying. */
    public record ServiceDetail(String id, int version, String status, String agencyCode, String agencyName, String name,
                                String description, String category, String eligibility, List<String> requiredDocuments,
                                boolean free, Money fee, int slaWorkingDays, String contactEmail, String contactPhone,
                                String contactOffice, JsonNode formSchema) {

        public boolean retired() {
            return "RETIRED".equals(status);
        }
    }

    private final GatewayClient gateway;

    Catalog(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public ResultPage search(String q, String agency, String category, int page, int size) {
        String path = UriComponentsBuilder.fromPath("/api/v1/services")
                .queryParamIfPresent("q", blankToEmpty(q)).queryParamIfPresent("agency", blankToEmpty(agency))
                .queryParamIfPresent("category", blankToEmpty(category))
                .queryParam("page", page).queryParam("size", size).encode().build().toUriString();
        JsonNode body = gateway.get(path).body();
        List<ServiceItem> items = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            items.add(new ServiceItem(item.path("id").asString(), item.path("agencyCode").asString(),
                    item.path("agencyName").asString(), item.path("name").asString(), item.path("description").asString(""),
                    item.path("category").asString(""), item.path("free").asBoolean(false), Money.of(item.path("fee")),
                    item.path("slaWorkingDays").asInt()));
        }
        return new ResultPage(items, body.path("page").asInt(page), body.path("totalPages").asInt(0),
                body.path("totalItems").asLong(items.size()));
    }

    public List<Agency> agencies() {
        List<Agency> agencies = new ArrayList<>();
        JsonNode body = gateway.get("/api/v1/agencies").body();
        JsonNode list = body.isArray() ? body : body.path("items");
        for (JsonNode a : list) {
            agencies.add(agency(a));
        }
        return agencies;
    }

    public Agency agency(String code) {
        return agency(gateway.get("/api/v1/agencies/" + org.springframework.web.util.UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8)).body());
    }

    private static Agency agency(JsonNode a) {
        return new Agency(a.path("code").asString(), a.path("name").asString(), a.path("contactEmail").asString(null),
                a.path("contactPhone").asString(null), a.path("website").asString(null));
    }

    /** The categories of the published services (the catalogue has no list of its own). */
    public List<String> categories() {
        Set<String> categories = new LinkedHashSet<>();
        search(null, null, null, 0, 50).items().forEach(item -> categories.add(item.category()));
        return categories.stream().filter(c -> !c.isBlank()).sorted().toList();
    }

    public ServiceDetail service(String id) {
        return detail(gateway.get("/api/v1/services/" + GatewayClient.id(id)).body());
    }

    public ServiceDetail version(String id, int version) {
        return detail(gateway.get("/api/v1/services/" + GatewayClient.id(id) + "/versions/" + version).body());
    }

    private static ServiceDetail detail(JsonNode s) {
        List<String> documents = new ArrayList<>();
        s.path("requiredDocuments").forEach(d -> documents.add(d.asString()));
        JsonNode contact = s.path("contact");
        return new ServiceDetail(s.path("id").asString(), s.path("version").asInt(), s.path("status").asString(""),
                s.path("agencyCode").asString(), s.path("agencyName").asString(s.path("agencyCode").asString()),
                s.path("name").asString(), s.path("description").asString(""), s.path("category").asString(""),
                s.path("eligibility").asString(null), documents, s.path("free").asBoolean(false), Money.of(s.path("fee")),
                s.path("slaWorkingDays").asInt(), contact.path("email").asString(null), contact.path("phone").asString(null),
                contact.path("office").asString(null), s.path("formSchema"));
    }

    private static java.util.Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }
}
