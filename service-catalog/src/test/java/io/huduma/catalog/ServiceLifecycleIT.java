package io.huduma.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.TopicEvents;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.huduma.contracts.Topics;
import io.huduma.contracts.catalog.v1.GetServiceVersionRequest;
import io.huduma.contracts.catalog.v1.ServicePublished;
import io.huduma.contracts.catalog.v1.ServiceRetired;
import io.huduma.contracts.catalog.v1.ServiceStatus;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Draft → publish → edit → publish again → retire, with the events each step announces on the real broker. */
class ServiceLifecycleIT extends CatalogIT {

    @Test
    void publishingVersionsAndRetiringKeepsHistoryAndAnnouncesEachChangeOnce() throws Exception {
        String slug = unique("lifecycle");
        String id = createDraft(ADMIN_BRELA, "brela", aDraft(slug, "Huduma ya Mzunguko", "Lifecycle Trial"));

        // a draft is not public yet
        assertThat(http().get("/api/v1/services/" + id).status()).isEqualTo(404);
        assertThat(http().get("/api/v1/services/" + id + "/draft", token(OFFICER_BRELA)).body().path("status").asString())
                .isEqualTo("DRAFT");

        JsonHttp.Response v1 = http().post("/api/v1/services/" + id + "/publication", token(ADMIN_BRELA), null);
        assertThat(v1.status()).isEqualTo(201);
        assertThat(v1.header("Location")).contains("/api/v1/services/" + id + "/versions/1");
        assertThat(v1.body().path("version").asInt()).isEqualTo(1);
        assertThat(http().get("/api/v1/services/" + id + "/draft", token(ADMIN_BRELA)).status())
                .as("publishing consumes the draft").isEqualTo(404);

        // editing a published service makes a new draft; the public still sees version 1
        ObjectNode edit = aDraft(null, "Huduma ya Mzunguko Toleo la Pili", "Lifecycle Trial Second Edition");
        edit.put("slaWorkingDays", 9);
        JsonHttp.Response edited = http().put("/api/v1/services/" + id + "/draft", token(ADMIN_BRELA), edit);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(edited.body().path("hasDraft").asBoolean()).isTrue();
        assertThat(http().get("/api/v1/services/" + id + "?lang=en").body().path("name").asString()).isEqualTo("Lifecycle Trial");

        JsonHttp.Response v2 = http().post("/api/v1/services/" + id + "/publication", token(ADMIN_BRELA), null);
        assertThat(v2.status()).isEqualTo(201);
        assertThat(v2.body().path("version").asInt()).isEqualTo(2);

        JsonHttp.Response latest = http().get("/api/v1/services/" + id + "?lang=en");
        assertThat(latest.body().path("version").asInt()).isEqualTo(2);
        assertThat(latest.body().path("name").asString()).isEqualTo("Lifecycle Trial Second Edition");
        assertThat(latest.body().path("slaWorkingDays").asInt()).isEqualTo(9);
        assertThat(latest.body().path("contact").path("phone").asString()).as("phone stored as E.164").isEqualTo("+255754123456");
        JsonHttp.Response first = http().get("/api/v1/services/" + id + "/versions/1?lang=en");
        assertThat(first.body().path("name").asString()).as("version 1 is immutable").isEqualTo("Lifecycle Trial");
        assertThat(first.body().path("slaWorkingDays").asInt()).isEqualTo(5);
        assertThat(http().get("/api/v1/services/" + id + "/versions").body().size()).isEqualTo(2);

        // publishing with no pending draft is a conflict, not a new version
        assertThat(http().post("/api/v1/services/" + id + "/publication", token(ADMIN_BRELA), null).status()).isEqualTo(409);

        JsonHttp.Response retired = http().post("/api/v1/services/" + id + "/retirement", token(ADMIN_BRELA), null);
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().path("status").asString()).isEqualTo("RETIRED");
        assertThat(http().get("/api/v1/services/" + id).body().path("status").asString()).isEqualTo("RETIRED");
        assertThat(http().get("/api/v1/services/" + id + "/versions/1").status()).as("history stays readable").isEqualTo(200);
        assertThat(http().get("/api/v1/services?q=lifecycle%20trial&size=50").body().path("items").valueStream()
                .map(item -> item.path("id").asString())).as("retired services are not offered").doesNotContain(id);
        assertThat(http().post("/api/v1/services/" + id + "/retirement", token(ADMIN_BRELA), null).status()).isEqualTo(409);
        assertThat(http().put("/api/v1/services/" + id + "/draft", token(ADMIN_BRELA), edit).status()).isEqualTo(409);

        // requests-service sees the retirement over gRPC
        var grpc = catalog(Tokens.serviceToken("requests-service"))
                .getServiceVersion(GetServiceVersionRequest.newBuilder().setServiceId(id).build()).getService();
        assertThat(grpc.getVersion()).isEqualTo(2);
        assertThat(grpc.getStatus()).isEqualTo(ServiceStatus.SERVICE_STATUS_RETIRED);

        List<EventEnvelope> events = TopicEvents.await(Topics.CATALOG_SERVICES, id, 3, Duration.ofSeconds(30), Duration.ofSeconds(3));
        assertThat(events).extracting(EventEnvelope::getType).containsExactly(
                "huduma.catalog.v1.ServicePublished", "huduma.catalog.v1.ServicePublished", "huduma.catalog.v1.ServiceRetired");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getAgency()).isEqualTo("brela");
            assertThat(event.getSource()).isEqualTo("service-catalog");
            assertThat(event.getSubject()).isEqualTo(id);
        });
        ServicePublished second = events.get(1).getData().unpack(ServicePublished.class);
        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(second.getName().getEn()).isEqualTo("Lifecycle Trial Second Edition");
        assertThat(second.getFee().getAmountMinor()).isEqualTo(5000);
        assertThat(events.get(2).getData().unpack(ServiceRetired.class).getLastVersion()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM service_versions WHERE service_id = ?").param(UUID.fromString(id))
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aPublicationThatFailsAfterWritingItsEventPublishesNothing() {
        String slug = unique("rollback-probe");
        String id = createDraft(ADMIN_BRELA, "brela", aDraft(slug, "Huduma Itakayoshindwa", "Failing Probe"));
        // the database refuses the last statement of the publication (the status change), after the
        // version row and the outbox event were written in the same transaction
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION refuse_probe() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'refused for the rollback test'; END; $$""").update();
        jdbc.sql("CREATE TRIGGER refuse_probe BEFORE UPDATE ON services FOR EACH ROW WHEN (NEW.slug = '" + slug
                + "' AND NEW.status = 'PUBLISHED') EXECUTE FUNCTION refuse_probe()").update();
        try {
            JsonHttp.Response failed = http().post("/api/v1/services/" + id + "/publication", token(ADMIN_BRELA), null);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.contentType()).contains("application/problem+json");
        } finally {
            jdbc.sql("DROP TRIGGER refuse_probe ON services").update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM service_versions WHERE service_id = ?").param(UUID.fromString(id))
                .query(Integer.class).single()).isZero();
        assertThat(http().get("/api/v1/services/" + id + "/draft", token(ADMIN_BRELA)).body().path("status").asString())
                .isEqualTo("DRAFT");

        // a later publication reaches the broker, so the relay has run past where the failed one would be
        String marker = publishedService(ADMIN_BRELA, "brela", unique("marker"), "Alama", "Marker");
        assertThat(TopicEvents.await(Topics.CATALOG_SERVICES, marker, 1, Duration.ofSeconds(30), Duration.ZERO)).hasSize(1);
        assertThat(TopicEvents.await(Topics.CATALOG_SERVICES, id, 1, Duration.ofSeconds(3), Duration.ZERO)).isEmpty();
    }
}
