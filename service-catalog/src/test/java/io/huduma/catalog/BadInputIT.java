package io.huduma.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.TopicEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.huduma.contracts.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Bad input gets a 4xx problem naming what is wrong, and nothing is half-saved. */
class BadInputIT extends CatalogIT {

    private static void assertProblem(JsonHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.body().path("detail").asString()).isNotBlank();
    }

    private int versions(String id) {
        return jdbc.sql("SELECT count(*) FROM service_versions WHERE service_id = ?").param(UUID.fromString(id))
                .query(Integer.class).single();
    }

    @Test
    void anInvalidFormSchemaIsRefusedAtPublicationWithThePointersAtFault() {
        ObjectNode draft = aDraft(unique("bad-schema"), "Fomu Mbovu", "Broken Form");
        draft.set("formSchema", JsonHttp.JSON.readTree("""
                {"type":"object","required":["age","ghost"],"properties":{
                  "age":{"type":"integer","minimum":120,"maximum":18,"x-label":{"sw":"Umri"}},
                  "photo":{"type":"string","contentEncoding":"base64","x-label":{"sw":"Picha","en":"Photo"}}}}"""));
        String id = createDraft(ADMIN_BRELA, "brela", draft);

        JsonHttp.Response refused = http().post("/api/v1/services/" + id + "/publication", token(ADMIN_BRELA), null);

        assertProblem(refused, 422);
        assertThat(pointers(refused)).contains(
                "/formSchema/properties/age/x-label/en",
                "/formSchema/properties/photo/contentEncoding");
        assertThat(versions(id)).isZero();
        assertThat(http().get("/api/v1/services/" + id).status()).isEqualTo(404);

        // once labelled and consistent, the same draft publishes
        draft.set("formSchema", JsonHttp.JSON.readTree("""
                {"type":"object","required":["age","ghost"],"properties":{
                  "age":{"type":"integer","minimum":18,"maximum":120,"x-label":{"sw":"Umri","en":"Age"}}}}"""));
        draft.remove("slug");
        http().put("/api/v1/services/" + id + "/draft", token(ADMIN_BRELA), draft);
        JsonHttp.Response stillWrong = http().post("/api/v1/services/" + id + "/publication", token(ADMIN_BRELA), null);
        assertProblem(stillWrong, 422);
        assertThat(pointers(stillWrong)).containsExactly("/formSchema/required/1");

        ((ObjectNode) draft.get("formSchema")).set("required", JsonHttp.JSON.createArrayNode().add("age"));
        http().put("/api/v1/services/" + id + "/draft", token(ADMIN_BRELA), draft);
        assertThat(http().post("/api/v1/services/" + id + "/publication", token(ADMIN_BRELA), null).status()).isEqualTo(201);
        assertThat(TopicEvents.await(Topics.CATALOG_SERVICES, id, 1, Duration.ofSeconds(30), Duration.ofSeconds(2)))
                .as("one event for the one successful publication").hasSize(1);
    }

    @Test
    void aDuplicateSlugIsAConflict() {
        String slug = unique("twice");
        createDraft(ADMIN_BRELA, "brela", aDraft(slug, "Mara Mbili", "Twice"));
        JsonHttp.Response again = http().post("/api/v1/agencies/brela/services", token(ADMIN_BRELA), aDraft(slug, "Tena", "Again"));
        assertProblem(again, 409);
        assertThat(jdbc.sql("SELECT count(*) FROM services WHERE slug = ?").param(slug).query(Integer.class).single()).isEqualTo(1);
        // another agency may use the same slug
        assertThat(http().post("/api/v1/agencies/rita/services", token(ADMIN_RITA), aDraft(slug, "Tena", "Again")).status())
                .isEqualTo(201);
    }

    @Test
    void unknownAgenciesAndServicesAreNotFound() {
        assertProblem(http().get("/api/v1/agencies/no-such-agency"), 404);
        assertProblem(http().put("/api/v1/agencies/no-such-agency", token(PLATFORM_ADMIN), AccessIT.anAgency(null)), 404);
        assertProblem(http().get("/api/v1/agencies/no-such-agency/services", token(PLATFORM_ADMIN)), 404);
        assertProblem(http().get("/api/v1/services/" + UUID.randomUUID()), 404);
        assertProblem(http().get("/api/v1/services/not-a-uuid"), 400);
        assertProblem(http().post("/api/v1/services/" + UUID.randomUUID() + "/publication", token(ADMIN_BRELA), null), 404);
        assertThat(jdbc.sql("SELECT count(*) FROM agencies WHERE code = 'no-such-agency'").query(Integer.class).single()).isZero();
    }

    @Test
    void missingAndMalformedFieldsAreNamed() {
        ObjectNode draft = aDraft(unique("fields"), "Sehemu", "Fields");
        draft.remove("name");
        draft.put("slaWorkingDays", 0);
        ((ObjectNode) draft.get("contact")).put("phone", "12");
        JsonHttp.Response invalid = http().post("/api/v1/agencies/brela/services", token(ADMIN_BRELA), draft);
        assertProblem(invalid, 400);
        assertThat(pointers(invalid)).contains("/name", "/slaWorkingDays");

        ObjectNode badPhone = aDraft(unique("phone"), "Simu", "Phone");
        ((ObjectNode) badPhone.get("contact")).put("phone", "12");
        JsonHttp.Response phone = http().post("/api/v1/agencies/brela/services", token(ADMIN_BRELA), badPhone);
        assertProblem(phone, 400);
        assertThat(pointers(phone)).containsExactly("/contact/phone");

        ObjectNode badAgency = AccessIT.anAgency(unique("ag")).put("contactPhone", "not a phone");
        JsonHttp.Response agency = http().post("/api/v1/agencies", token(PLATFORM_ADMIN), badAgency);
        assertProblem(agency, 400);
        assertThat(pointers(agency)).containsExactly("/contactPhone");
        assertThat(http().get("/api/v1/agencies/" + badAgency.path("code").asString(), token(PLATFORM_ADMIN)).status())
                .as("not half-saved").isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM services WHERE slug LIKE 'fields-%' OR slug LIKE 'phone-%'")
                .query(Integer.class).single()).isZero();
    }

    /** Field lengths match their columns and texts hold no control characters: a 400 naming the field, never a 409 from the database. */
    @Test
    void tooLongAndControlCharacterTextsAreNamedNotConflicts() {
        ObjectNode longName = AccessIT.anAgency(unique("long"));
        longName.set("name", label("x".repeat(4000), "Long"));
        JsonHttp.Response tooLong = http().post("/api/v1/agencies", token(PLATFORM_ADMIN), longName);
        assertProblem(tooLong, 400);
        assertThat(pointers(tooLong)).containsExactly("/name/sw");

        ObjectNode nul = AccessIT.anAgency(unique("nul"));
        nul.set("name", label("Wakala\u0000wa Majaribio", "Trial\u0007Agency"));
        JsonHttp.Response control = http().post("/api/v1/agencies", token(PLATFORM_ADMIN), nul);
        assertProblem(control, 400);
        assertThat(pointers(control)).containsExactly("/name/sw");

        ObjectNode draft = aDraft(unique("ctrl"), "Huduma\u0000", "Service");
        JsonHttp.Response service = http().post("/api/v1/agencies/brela/services", token(ADMIN_BRELA), draft);
        assertProblem(service, 400);
        assertThat(pointers(service)).containsExactly("/name/sw");

        for (ObjectNode refused : java.util.List.of(longName, nul)) {
            assertThat(http().get("/api/v1/agencies/" + refused.path("code").asString(), token(PLATFORM_ADMIN)).status())
                    .as("nothing saved").isEqualTo(404);
        }
    }

    @Test
    void malformedJsonIsABadRequest() {
        JsonHttp.Response response = http().sendRaw("POST", "/api/v1/agencies/brela/services", token(ADMIN_BRELA),
                "application/json", "{\"slug\": \"half\", \"name\": {".getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 400);
        JsonHttp.Response wrongType = http().sendRaw("POST", "/api/v1/agencies/brela/services", token(ADMIN_BRELA),
                "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertProblem(wrongType, 415);
    }

    @Test
    void anOversizeBodyIsRefusedWith413() {
        ObjectNode draft = aDraft(unique("huge"), "Kubwa", "Huge");
        draft.set("description", label("x".repeat(150_000), "y".repeat(150_000)));
        JsonHttp.Response response = http().post("/api/v1/agencies/brela/services", token(ADMIN_BRELA), draft);
        assertProblem(response, 413);
        assertThat(jdbc.sql("SELECT count(*) FROM services WHERE slug LIKE 'huge-%'").query(Integer.class).single()).isZero();
    }

    @Test
    void anOversizeFormSchemaIsRefusedWhenTheDraftIsSaved() {
        ObjectNode draft = aDraft(unique("big-form"), "Fomu Kubwa", "Big Form");
        ((ObjectNode) draft.get("formSchema")).put("description", "z".repeat(40_000));
        JsonHttp.Response response = http().post("/api/v1/agencies/brela/services", token(ADMIN_BRELA), draft);
        assertProblem(response, 400);
        assertThat(pointers(response)).containsExactly("/formSchema");
    }
}
