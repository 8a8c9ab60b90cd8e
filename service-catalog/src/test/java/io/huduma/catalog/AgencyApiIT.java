package io.huduma.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.TopicEvents;
import java.time.Duration;
import java.util.List;

import io.huduma.contracts.Topics;
import io.huduma.contracts.catalog.v1.AccessPolicy;
import io.huduma.contracts.catalog.v1.AgencyApiChanged;
import io.huduma.contracts.catalog.v1.AgencyApiStatus;
import io.huduma.contracts.catalog.v1.AgencyChanged;
import io.huduma.contracts.catalog.v1.ListAgencyApisRequest;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Agencies onboarding their own APIs behind the gateway, and platform administrators managing agencies. */
class AgencyApiIT extends CatalogIT {

    static ObjectNode anApi(String name, String upstream) {
        ObjectNode api = JsonHttp.JSON.createObjectNode();
        if (name != null) {
            api.put("name", name);
        }
        api.put("upstream", upstream);
        api.put("accessPolicy", "CITIZEN");
        api.put("rateLimitPerMinute", 120);
        api.put("timeoutMillis", 5000);
        return api;
    }

    @Test
    void registeringChangingAndRemovingAnApiIsAnnouncedAndListedForTheGateway() throws Exception {
        String name = unique("search");
        JsonHttp.Response created = http().post("/api/v1/agencies/brela/apis", token(ADMIN_BRELA), anApi(name, "lb://brela-search"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("publicPath").asString()).isEqualTo("/agencies/brela/" + name);
        String id = created.body().path("id").asString();

        ObjectNode suspended = anApi(null, "https://gateway.brela.example/search").put("status", "SUSPENDED")
                .put("accessPolicy", "CLIENT_SCOPES");
        suspended.set("requiredScopes", JsonHttp.JSON.createArrayNode().add("brela.search"));
        JsonHttp.Response changed = http().put("/api/v1/agencies/brela/apis/" + name, token(ADMIN_BRELA), suspended);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().path("status").asString()).isEqualTo("SUSPENDED");

        var listed = catalog(Tokens.serviceToken("gateway")).listAgencyApis(ListAgencyApisRequest.getDefaultInstance())
                .getApisList().stream().filter(api -> api.getId().equals(id)).toList();
        assertThat(listed).singleElement().satisfies(api -> {
            assertThat(api.getStatus()).isEqualTo(AgencyApiStatus.AGENCY_API_STATUS_SUSPENDED);
            assertThat(api.getAccessPolicy()).isEqualTo(AccessPolicy.ACCESS_POLICY_CLIENT_SCOPES);
            assertThat(api.getRequiredScopesList()).containsExactly("brela.search");
            assertThat(api.getUpstream()).isEqualTo("https://gateway.brela.example/search");
        });

        assertThat(http().delete("/api/v1/agencies/brela/apis/" + name, token(ADMIN_BRELA)).status()).isEqualTo(204);
        assertThat(http().get("/api/v1/agencies/brela/apis/" + name, token(ADMIN_BRELA)).status()).isEqualTo(404);

        List<EventEnvelope> events = TopicEvents.await(Topics.CATALOG_AGENCY_APIS, id, 3, Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertThat(events).hasSize(3);
        List<AgencyApiChanged> changes = events.stream().map(e -> unpack(e, AgencyApiChanged.class)).toList();
        assertThat(changes).extracting(AgencyApiChanged::getChange).containsExactly(
                AgencyApiChanged.Change.CHANGE_UPSERTED, AgencyApiChanged.Change.CHANGE_UPSERTED, AgencyApiChanged.Change.CHANGE_REMOVED);
        assertThat(changes.get(1).getApi().getStatus()).isEqualTo(AgencyApiStatus.AGENCY_API_STATUS_SUSPENDED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://api.brela.example",           // production needs https
            "https://127.0.0.1/admin",            // loopback
            "https://169.254.169.254/latest",     // cloud metadata (link-local)
            "https://10.1.2.3",                   // private
            "https://[::1]:8443",                 // IPv6 loopback
            "https://localhost:8443",
            "https://user:secret@203.0.113.9",    // credentials in the URL
            "ftp://files.brela.example",
            "lb://Not_An_Id",
            "file:///etc/passwd"})
    void upstreamsThatCouldReachInsideThePlatformAreRefused(String upstream) {
        String name = unique("bad");
        JsonHttp.Response refused = http().post("/api/v1/agencies/brela/apis", token(ADMIN_BRELA), anApi(name, upstream));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(pointers(refused)).containsExactly("/upstream");
        assertThat(jdbc.sql("SELECT count(*) FROM agency_apis WHERE name = ?").param(name).query(Integer.class).single()).isZero();
    }

    @Test
    void onlyTheAgencysAdministratorsChangeItsApis() {
        String name = unique("docs");
        assertThat(http().post("/api/v1/agencies/brela/apis", token(ADMIN_RITA), anApi(name, "lb://brela-docs")).status()).isEqualTo(403);
        assertThat(http().post("/api/v1/agencies/brela/apis", token(OFFICER_BRELA), anApi(name, "lb://brela-docs")).status()).isEqualTo(403);
        assertThat(http().post("/api/v1/agencies/brela/apis", token(PLATFORM_ADMIN), anApi(name, "lb://brela-docs")).status()).isEqualTo(403);
        assertThat(http().post("/api/v1/agencies/brela/apis", token(ADMIN_BRELA), anApi(name, "lb://brela-docs")).status()).isEqualTo(201);
        assertThat(http().post("/api/v1/agencies/brela/apis", token(ADMIN_BRELA), anApi(name, "lb://brela-docs")).status())
                .as("names are unique within the agency").isEqualTo(409);
        assertThat(http().delete("/api/v1/agencies/brela/apis/" + name, token(ADMIN_RITA)).status()).isEqualTo(403);
        assertThat(http().delete("/api/v1/agencies/brela/apis/" + name, null).status()).isEqualTo(401);
        assertThat(http().get("/api/v1/agencies/brela/apis/" + name, token(OFFICER_BRELA)).status()).isEqualTo(200);
    }

    @Test
    void agencyChangesAreAnnouncedOncePerChange() {
        String code = unique("ag");
        assertThat(http().post("/api/v1/agencies", token(PLATFORM_ADMIN), AccessIT.anAgency(code)).status()).isEqualTo(201);
        assertThat(http().post("/api/v1/agencies", token(PLATFORM_ADMIN), AccessIT.anAgency(code)).status()).isEqualTo(409);
        ObjectNode renamed = AccessIT.anAgency(null);
        renamed.set("name", label("Wakala Mpya", "New Agency"));
        assertThat(http().put("/api/v1/agencies/" + code, token(PLATFORM_ADMIN), renamed).status()).isEqualTo(200);
        assertThat(http().put("/api/v1/agencies/" + code, token(PLATFORM_ADMIN), renamed).status())
                .as("an unchanged replacement is no change").isEqualTo(200);

        List<EventEnvelope> events = TopicEvents.await(Topics.CATALOG_AGENCIES, code, 2, Duration.ofSeconds(30), Duration.ofSeconds(3));
        assertThat(events).hasSize(2);
        AgencyChanged last = unpack(events.get(1), AgencyChanged.class);
        assertThat(last.getAgency().getName().getEn()).isEqualTo("New Agency");
        assertThat(last.getAgency().getContactPhone()).isEqualTo("+255222111111");
    }

    private static <T extends com.google.protobuf.Message> T unpack(EventEnvelope envelope, Class<T> type) {
        try {
            return envelope.getData().unpack(type);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
