package io.huduma.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.huduma.testkit.DemoUsers;
import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Journey 6: what must not work on the running platform, tried from outside through the gateway with
 * real tokens: other agencies' staff and other citizens, bad tokens of every kind, service accounts
 * on people's endpoints, repeated code requests, bad bodies, and routes to what is never published.
 * Needs {@code ./huduma up}.
 */
class MustNotWorkIT {

    private static final String GATEWAY = System.getenv().getOrDefault("HUDUMA_GATEWAY_URL", "http://localhost:8080");
    private static final JsonHttp gateway = new JsonHttp(GATEWAY);
    private static final JourneyLog log = new JourneyLog("must-not-work");

    /** One of citizen.amina's demo requests at BRELA. */
    private static String aminasRequest;
    private static String aminasRequestEtag;

    @BeforeAll
    static void findAminasRequest() {
        String amina = Tokens.forUser("citizen.amina");
        // requests-service loads the demo requests once the demo catalogue has reached it: a fresh stack may
        // need a few more seconds
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        JsonHttp.Response mine;
        do {
            mine = gateway.get("/api/v1/requests", amina);
            assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
            for (JsonNode item : mine.body().path("items")) {
                if ("brela".equals(item.path("agencyCode").asString())) {
                    aminasRequest = item.path("id").asString();
                }
            }
        } while (aminasRequest == null && System.nanoTime() < deadline && pause());
        assertThat(aminasRequest).as("a BRELA request of citizen.amina in the demo data: %s", mine).isNotNull();
        JsonHttp.Response seen = gateway.get("/api/v1/requests/" + aminasRequest, Tokens.forUser("officer.brela"));
        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
        aminasRequestEtag = seen.header("ETag").orElseThrow();
    }

    private static boolean pause() {
        try {
            Thread.sleep(3000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void anOfficerOfAnotherAgencyCanNeitherSeeNorActOnTheRequest() {
        String rita = Tokens.forUser("officer.rita");
        JsonHttp.Response read = log.step("officer.rita reads a BRELA request", gateway.get("/api/v1/requests/" + aminasRequest, rita));
        assertThat(read.status()).isIn(403, 404);
        assertProblem(read);

        JsonHttp.Response act = log.step("officer.rita moves it", gateway.send("POST",
                "/api/v1/requests/" + aminasRequest + "/status-changes", rita, Map.of("If-Match", aminasRequestEtag),
                Map.of("to", "REJECTED", "note", "not mine", "visibleToCitizen", true)));
        assertThat(act.status()).isIn(403, 404);
        assertProblem(act);
        JsonHttp.Response queue = log.step("officer.rita's queue", gateway.get("/api/v1/requests/queue?size=100", rita));
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body().path("items").findValuesAsString("id")).doesNotContain(aminasRequest);

        JsonHttp.Response unchanged = gateway.get("/api/v1/requests/" + aminasRequest, Tokens.forUser("officer.brela"));
        assertThat(unchanged.header("ETag")).as("nothing changed").hasValue(aminasRequestEtag);
    }

    @Test
    void anotherCitizenGetsNotFound() {
        JsonHttp.Response other = log.step("citizen.juma reads amina's request",
                gateway.get("/api/v1/requests/" + aminasRequest, Tokens.forUser("citizen.juma")));
        assertThat(other.status()).isEqualTo(404);
        assertProblem(other);
        JsonHttp.Response timeline = gateway.get("/api/v1/requests/" + aminasRequest + "/timeline", Tokens.forUser("citizen.juma"));
        assertThat(timeline.status()).isEqualTo(404);
    }

    @Test
    void tamperedExpiredForeignAndWrongAudienceTokensGet401() {
        String amina = Tokens.forUser("citizen.amina");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("tampered signature", Tokens.tamperSignature(amina));
        bad.put("tampered claims", Tokens.tamperClaims(amina, Map.of("sub", "someone-else")));
        bad.put("alg none", Tokens.algNone(amina));
        bad.put("self-signed", Tokens.selfSigned(Tokens.plausibleClaims("intruder", "citizen")));
        bad.put("another realm", Tokens.fromElsewhere());
        bad.put("wrong audience", Tokens.forUser("citizen.amina", DemoUsers.NO_AUDIENCE_CLIENT));
        for (Map.Entry<String, String> token : bad.entrySet()) {
            JsonHttp.Response refused = log.step(token.getKey() + " token", gateway.get("/api/v1/requests", token.getValue()));
            assertThat(refused.status()).as(token.getKey()).isEqualTo(401);
            assertProblem(refused);
        }
        // expired: a 2-second token, past its exp and the platform's 30 s leeway
        String shortLived = Tokens.forUser("citizen.amina", DemoUsers.SHORT_LIVED_CLIENT);
        long exp = ((Number) Tokens.claims(shortLived).get("exp")).longValue();
        sleepUntil((exp + 32) * 1000);
        JsonHttp.Response expired = log.step("expired token", gateway.get("/api/v1/requests", shortLived));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(log.step("no token", gateway.get("/api/v1/requests")).status()).isEqualTo(401);
    }

    @Test
    void aServiceAccountTokenIsRefusedOnPeoplesEndpoints() {
        String service = Tokens.serviceToken("requests-service");
        for (String path : new String[] {"/api/v1/identity/me", "/api/v1/requests", "/api/v1/requests/queue"}) {
            JsonHttp.Response refused = log.step("svc-requests-service on " + path, gateway.get(path, service));
            assertThat(refused.status()).as(path).isIn(401, 403);
            assertProblem(refused);
        }
    }

    @Test
    void repeatedCodeRequestsForOneNumberHitTheLimit() {
        String number = "+25571" + String.valueOf(System.nanoTime()).substring(3, 10);
        JsonHttp.Response started = log.step("sign-up code for " + number, gateway.post("/api/v1/identity/registrations", null,
                Map.of("phoneNumber", number, "fullName", "Rehema Kassim", "password", "Mlima-Uluguru-7781")));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        JsonHttp.Response again = log.step("another code at once", gateway.post(
                "/api/v1/identity/registrations/" + started.text("id") + "/code", null, Map.of()));
        assertThat(again.status()).as(again.toString()).isEqualTo(429);
        assertThat(again.header("Retry-After")).isPresent();
        assertProblem(again);
    }

    @Test
    void badBodiesGetProblemsAndChangeNothing() {
        String amina = Tokens.forUser("citizen.amina");
        int before = gateway.get("/api/v1/requests?size=100", amina).body().path("items").size();
        JsonHttp.Response malformed = log.step("malformed JSON", gateway.sendRaw("POST", "/api/v1/requests", amina,
                "application/json", "{\"serviceId\":".getBytes(StandardCharsets.UTF_8)));
        assertThat(malformed.status()).isEqualTo(400);
        assertProblem(malformed);
        JsonHttp.Response unknownService = log.step("unknown service", gateway.post("/api/v1/requests", amina,
                Map.of("serviceId", "00000000-0000-0000-0000-000000000000", "answers", Map.of()),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString())));
        assertThat(unknownService.status()).isBetween(400, 422);
        assertProblem(unknownService);
        JsonHttp.Response badPhone = log.step("sign-up with a landline", gateway.post("/api/v1/identity/registrations", null,
                Map.of("phoneNumber", "022 211 1111", "fullName", "Asha", "password", "Mlima-Uluguru-7781")));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/phoneNumber");
        assertThat(gateway.get("/api/v1/requests?size=100", amina).body().path("items").size()).isEqualTo(before);
    }

    @Test
    void noRouteReachesTheRegistryAnActuatorOrAGrpcPort() {
        for (String path : new String[] {"/eureka/apps", "/discovery/eureka/apps", "/actuator/health", "/actuator/prometheus",
                "/requests-service/actuator/health", "/identity/actuator/env"}) {
            JsonHttp.Response refused = log.step("GET " + path, gateway.get(path));
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertProblem(refused);
        }
        JsonHttp.Response grpc = log.step("a gRPC call to the gateway", gateway.sendRaw("POST",
                "/huduma.identity.v1.IdentityService/GetContact", Tokens.serviceToken("notifications-service"),
                "application/grpc", new byte[] {0, 0, 0, 0, 0}));
        assertThat(grpc.status()).isIn(404, 415);
        JsonHttp.Response traversal = log.step("dot segments", gateway.get("/api/v1/services/%2e%2e/%2e%2e/actuator/health"));
        assertThat(traversal.status()).isIn(400, 404);
    }

    private static void assertProblem(JsonHttp.Response response) {
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body().path("status").asInt()).isEqualTo(response.status());
    }

    private static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
