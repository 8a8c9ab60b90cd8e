package io.huduma.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.Inbox;
import io.huduma.testkit.ProblemResponses;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who sees which history and statistics, with real Keycloak tokens and forged ones. */
class AccessIT extends NotificationsIT {

    @Test
    void aCitizenSeesTheirOwnHistoryAndNobodyElses() {
        String amina = Tokens.claims(token("citizen.amina")).get("sub").toString();
        String juma = Tokens.claims(token("citizen.juma")).get("sub").toString();
        String aminaPhone = aPhone();
        String jumaPhone = aPhone();
        IDENTITY.add(amina, "Amina", aminaPhone, "", "sw", true, true);
        IDENTITY.add(juma, "Juma", jumaPhone, "", "en", true, true);
        String aminaTracking = aTrackingNumber();
        String jumaTracking = aTrackingNumber();
        EventEnvelope toAmina = requestSubmitted(amina, aminaTracking);
        requestSubmitted(juma, jumaTracking);
        Inbox.awaitSmsTo(aminaPhone);
        Inbox.awaitSmsTo(jumaPhone);
        awaitDelivery(toAmina.getId(), "SMS", "DELIVERED");

        JsonHttp.Response mine = http().get("/api/v1/notifications/me?size=100", token("citizen.amina"));

        assertThat(mine.status()).isEqualTo(200);
        JsonNode item = mine.body().path("items").valueStream()
                .filter(i -> i.path("text").asString().contains(aminaTracking)).findFirst().orElseThrow();
        assertThat(item.path("channel").asString()).isEqualTo("sms");
        assertThat(item.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(item.path("recipient").asString()).isEqualTo(aminaPhone);
        assertThat(mine.raw().body()).doesNotContain(jumaTracking).doesNotContain(jumaPhone);
        assertThat(mine.body().path("totalElements").asLong()).isPositive();
        JsonHttp.Response page = http().get("/api/v1/notifications/me?page=0&size=1", token("citizen.amina"));
        assertThat(page.body().path("items").size()).isEqualTo(1);
        assertThat(page.body().path("size").asInt()).isEqualTo(1);
    }

    @Test
    void historyIsForCitizensWithAValidToken() {
        String path = "/api/v1/notifications/me";
        assertThat(http().get(path, token("officer.brela")).status()).isEqualTo(403);
        assertThat(http().get(path, Tokens.serviceToken("identity")).status()).isEqualTo(403);
        ProblemResponses.assertProblem(http().get(path, null).raw(), 401, "unauthenticated");
        ProblemResponses.assertRejectedToken(http().get(path, Tokens.tamperSignature(token("citizen.amina"))).raw());
        ProblemResponses.assertRejectedToken(http().get(path, Tokens.tamperClaims(token("citizen.juma"),
                Map.of("sub", UUID.randomUUID().toString()))).raw());
        ProblemResponses.assertRejectedToken(http().get(path, Tokens.fromElsewhere()).raw());
        ProblemResponses.assertProblem(http().get(path + "?size=1000", token("citizen.amina")).raw(), 400,
                "validation-failed");
    }

    @Test
    void statisticsCountDeliveriesPerChannelProviderAndStatusForPlatformAdminsOnly() {
        String phone = aPhone();
        EventEnvelope event = requestSubmitted(aCitizen("sw", phone, ""), aTrackingNumber());
        awaitDelivery(event.getId(), "SMS", "DELIVERED");

        JsonHttp.Response stats = http().get("/api/v1/notifications/statistics", token("admin.platform"));

        assertThat(stats.status()).isEqualTo(200);
        long delivered = jdbc.sql("SELECT count(*) FROM delivery WHERE status = 'DELIVERED'").query(Long.class).single();
        assertThat(stats.body().path("byStatus").path("DELIVERED").asLong()).isEqualTo(delivered);
        assertThat(stats.body().path("byChannel").path("sms").asLong()).isPositive();
        assertThat(stats.body().path("byProvider").path("smpp").asLong()).isPositive();
        assertThat(stats.body().path("counts").valueStream().anyMatch(c -> c.path("channel").asString().equals("sms")
                && c.path("provider").asString().equals("smpp") && c.path("status").asString().equals("DELIVERED")
                && c.path("count").asLong() > 0)).isTrue();

        assertThat(http().get("/api/v1/notifications/statistics", token("citizen.amina")).status()).isEqualTo(403);
        assertThat(http().get("/api/v1/notifications/statistics", token("admin.brela")).status()).isEqualTo(403);
        ProblemResponses.assertProblem(http().get("/api/v1/notifications/statistics", null).raw(), 401, "unauthenticated");
        ProblemResponses.assertRejectedToken(http().get("/api/v1/notifications/statistics",
                Tokens.tamperSignature(token("admin.platform"))).raw());
    }

    @Test
    void onlyPlatformAdminsRetryDeliveriesAndOnlyFailedOnes() {
        String phone = aPhone();
        EventEnvelope event = requestSubmitted(aCitizen("sw", phone, ""), aTrackingNumber());
        String id = awaitDelivery(event.getId(), "SMS", "DELIVERED").get("id").toString();
        String retry = "/api/v1/notifications/deliveries/" + id + "/retry";

        assertThat(http().post(retry, token("citizen.amina"), null).status()).isEqualTo(403);
        assertThat(http().post(retry, token("officer.brela"), null).status()).isEqualTo(403);
        ProblemResponses.assertProblem(http().post(retry, null, null).raw(), 401, "unauthenticated");
        ProblemResponses.assertProblem(http().post(retry, token("admin.platform"), null).raw(), 409, "conflict");
        ProblemResponses.assertProblem(http().post("/api/v1/notifications/deliveries/" + UUID.randomUUID() + "/retry",
                token("admin.platform"), null).raw(), 404, "not-found");
        assertThat(http().get("/api/v1/notifications/deliveries/failed", token("citizen.amina")).status())
                .isEqualTo(403);
    }

    @Test
    void httpProviderReceiptsNeedTheSharedKey() {
        JsonHttp.Response wrongKey = http().post("/api/v1/notifications/sms-receipts/http?key=guess", null,
                Map.of("messageId", "x", "status", "DELIVERED"));
        ProblemResponses.assertProblem(wrongKey.raw(), 403, "forbidden");
        JsonHttp.Response noKey = http().post("/api/v1/notifications/sms-receipts/http", null,
                Map.of("messageId", "x", "status", "DELIVERED"));
        ProblemResponses.assertProblem(noKey.raw(), 403, "forbidden");
    }
}
