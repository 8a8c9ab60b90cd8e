package io.huduma.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.huduma.testkit.JsonHttp;
import java.util.Map;

import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may do what: every role against its own and another agency, and requests with a tampered
 * token or none. Writes that must be refused leave nothing behind.
 */
class AccessIT extends CatalogIT {

    private String brelaService;

    @BeforeEach
    void aPublishedBrelaServiceWithAPendingDraft() {
        brelaService = publishedService(ADMIN_BRELA, "brela", unique("access"), "Huduma ya Ruhusa", "Permission Trial");
        assertThat(http().put("/api/v1/services/" + brelaService + "/draft", token(ADMIN_BRELA),
                aDraft(null, "Huduma ya Ruhusa Rasimu", "Permission Trial Draft")).status()).isEqualTo(200);
    }

    private int createServiceAs(String token, String agency) {
        return http().post("/api/v1/agencies/" + agency + "/services", token, aDraft(unique("matrix"), "Jaribio", "Trial")).status();
    }

    @Test
    void agencyAdministratorsManageOnlyTheirOwnAgencysServices() {
        assertThat(createServiceAs(token(ADMIN_BRELA), "brela")).isEqualTo(201);
        assertThat(createServiceAs(token(ADMIN_RITA), "brela")).isEqualTo(403);
        assertThat(http().put("/api/v1/services/" + brelaService + "/draft", token(ADMIN_RITA), aDraft(null, "X", "X")).status())
                .isEqualTo(403);
        assertThat(http().post("/api/v1/services/" + brelaService + "/publication", token(ADMIN_RITA), null).status()).isEqualTo(403);
        assertThat(http().post("/api/v1/services/" + brelaService + "/retirement", token(ADMIN_RITA), null).status()).isEqualTo(403);
        assertThat(http().get("/api/v1/services/" + brelaService + "/draft", token(ADMIN_RITA)).status()).isEqualTo(403);
        assertThat(http().get("/api/v1/agencies/brela/services", token(ADMIN_RITA)).status()).isEqualTo(403);
        // nothing of the refused calls stuck
        assertThat(http().get("/api/v1/services/" + brelaService + "/draft", token(ADMIN_BRELA)).body()
                .path("draft").path("name").path("en").asString()).isEqualTo("Permission Trial Draft");
        assertThat(http().get("/api/v1/services/" + brelaService).body().path("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void officersReadTheirAgencysDraftsButChangeNothing() {
        JsonHttp.Response draft = http().get("/api/v1/services/" + brelaService + "/draft", token(OFFICER_BRELA));
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.body().path("draft").path("name").path("sw").asString()).isEqualTo("Huduma ya Ruhusa Rasimu");
        assertThat(http().get("/api/v1/agencies/brela/services", token(OFFICER_BRELA)).body().valueStream()
                .map(s -> s.path("id").asString())).contains(brelaService);

        assertThat(createServiceAs(token(OFFICER_BRELA), "brela")).isEqualTo(403);
        assertThat(http().put("/api/v1/services/" + brelaService + "/draft", token(OFFICER_BRELA), aDraft(null, "X", "X")).status())
                .isEqualTo(403);
        assertThat(http().post("/api/v1/services/" + brelaService + "/publication", token(OFFICER_BRELA), null).status()).isEqualTo(403);
        assertThat(http().post("/api/v1/services/" + brelaService + "/retirement", token(OFFICER_BRELA), null).status()).isEqualTo(403);

        assertThat(http().get("/api/v1/services/" + brelaService + "/draft", token(OFFICER_RITA)).status()).isEqualTo(403);
        assertThat(http().get("/api/v1/agencies/brela/apis", token(OFFICER_RITA)).status()).isEqualTo(403);
        assertThat(http().get("/api/v1/agencies/brela/apis", token(OFFICER_BRELA)).status()).isEqualTo(200);
    }

    @Test
    void platformAdministratorsManageAgenciesAndOverseeButDoNotEditServices() {
        assertThat(http().get("/api/v1/services/" + brelaService + "/draft", token(PLATFORM_ADMIN)).status()).isEqualTo(200);
        assertThat(http().get("/api/v1/agencies/rita/apis", token(PLATFORM_ADMIN)).status()).isEqualTo(200);
        assertThat(createServiceAs(token(PLATFORM_ADMIN), "brela")).isEqualTo(403);
        assertThat(http().post("/api/v1/services/" + brelaService + "/publication", token(PLATFORM_ADMIN), null).status()).isEqualTo(403);

        ObjectNode agency = anAgency(unique("ag"));
        assertThat(http().post("/api/v1/agencies", token(PLATFORM_ADMIN), agency).status()).isEqualTo(201);
        assertThat(http().post("/api/v1/agencies", token(ADMIN_BRELA), anAgency(unique("ag"))).status()).isEqualTo(403);
        assertThat(http().put("/api/v1/agencies/brela", token(ADMIN_BRELA), anAgency(null)).status()).isEqualTo(403);
    }

    @Test
    void citizensAndAnonymousCallersSeeOnlyPublishedData() {
        for (String token : new String[] {token(CITIZEN), null}) {
            assertThat(http().get("/api/v1/services/" + brelaService, token).status()).isEqualTo(200);
            assertThat(http().get("/api/v1/services/" + brelaService, token).body().path("name").asString())
                    .as("the published version, not the draft").isEqualTo("Huduma ya Ruhusa");
            assertThat(http().get("/api/v1/services?q=ruhusa", token).status()).isEqualTo(200);
            assertThat(http().get("/api/v1/agencies", token).status()).isEqualTo(200);
            int refused = token == null ? 401 : 403;
            assertThat(http().get("/api/v1/services/" + brelaService + "/draft", token).status()).isEqualTo(refused);
            assertThat(http().get("/api/v1/agencies/brela/services", token).status()).isEqualTo(refused);
            assertThat(http().get("/api/v1/agencies/brela/apis", token).status()).isEqualTo(refused);
            assertThat(createServiceAs(token, "brela")).isEqualTo(refused);
            assertThat(http().post("/api/v1/services/" + brelaService + "/publication", token, null).status()).isEqualTo(refused);
            assertThat(http().post("/api/v1/agencies", token, anAgency(unique("ag"))).status()).isEqualTo(refused);
        }
    }

    @Test
    void tamperedAndForeignTokensAreRejectedEvenOnPublicReads() {
        String tampered = Tokens.tamperSignature(token(ADMIN_BRELA));
        JsonHttp.Response write = http().post("/api/v1/agencies/brela/services", tampered, aDraft(unique("tampered"), "X", "X"));
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.contentType()).contains("application/problem+json");
        assertThat(http().get("/api/v1/services?q=maji", tampered).status()).isEqualTo(401);
        assertThat(http().get("/api/v1/agencies/brela/services", Tokens.algNone(token(ADMIN_BRELA))).status()).isEqualTo(401);
        assertThat(http().get("/api/v1/agencies/brela/services", Tokens.fromElsewhere()).status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM services WHERE slug LIKE 'tampered-%'").query(Integer.class).single()).isZero();
    }

    @Test
    void suspendedAgenciesDisappearFromPublicListsButStayVisibleToPlatformAdministrators() {
        String code = unique("ag");
        http().post("/api/v1/agencies", token(PLATFORM_ADMIN), anAgency(code));
        ObjectNode suspended = anAgency(null).put("status", "SUSPENDED");
        assertThat(http().put("/api/v1/agencies/" + code, token(PLATFORM_ADMIN), suspended).status()).isEqualTo(200);

        assertThat(http().get("/api/v1/agencies/" + code).status()).isEqualTo(404);
        assertThat(http().get("/api/v1/agencies").body().valueStream().map(a -> a.path("code").asString())).doesNotContain(code);
        assertThat(http().get("/api/v1/agencies", token(PLATFORM_ADMIN)).body().valueStream().map(a -> a.path("code").asString()))
                .contains(code);
        assertThat(http().get("/api/v1/agencies/" + code, token(PLATFORM_ADMIN), Map.of()).body().path("status").asString())
                .isEqualTo("SUSPENDED");
    }

    static ObjectNode anAgency(String code) {
        ObjectNode agency = JsonHttp.JSON.createObjectNode();
        if (code != null) {
            agency.put("code", code);
        }
        agency.set("name", label("Wakala wa Majaribio", "Trial Agency"));
        agency.put("contactEmail", "huduma@majaribio.go.tz");
        agency.put("contactPhone", "+255 22 211 1111");
        agency.put("website", "https://majaribio.go.tz");
        return agency;
    }
}
