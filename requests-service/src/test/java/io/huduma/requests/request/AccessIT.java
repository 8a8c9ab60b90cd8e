package io.huduma.requests.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import io.huduma.testkit.JsonHttp;
import io.huduma.requests.RequestsIT;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what, with real Keycloak tokens: the owner citizen and another citizen, an officer
 * and an admin of the request's agency (brela) and of another (rita), a platform admin, no token, a
 * service-account token, and forged tokens. Someone else's request is 404, never 403.
 */
class AccessIT extends RequestsIT {

    private static final String ANONYMOUS = "anonymous";
    private static final String SERVICE = "service-account";
    private static final String TAMPERED = "tampered-signature";
    private static final String FORGED_AGENCY = "rita-officer-claiming-brela";

    private UUID service;
    private UUID id;
    private String path;

    @BeforeEach
    void aRequestOfAmina() {
        service = aBrelaService();
        id = submitted(AMINA, service);
        path = "/api/v1/requests/" + id;
    }

    @Test
    void submitting() {
        expect((who, token) -> submit(token, submission(service, validAnswers())).status(), Map.of(
                AMINA, 201, JUMA, 201, OFFICER_BRELA, 403, ADMIN_BRELA, 403, PLATFORM_ADMIN, 403,
                ANONYMOUS, 401, SERVICE, 403, TAMPERED, 401));
    }

    @Test
    void listingMyRequests() {
        expect((who, token) -> http().get("/api/v1/requests", token).status(), Map.of(
                AMINA, 200, JUMA, 200, OFFICER_BRELA, 403, ADMIN_RITA, 403, PLATFORM_ADMIN, 403,
                ANONYMOUS, 401, SERVICE, 403, TAMPERED, 401));
        assertThat(WorkflowIT.ids(http().get("/api/v1/requests?size=100", token(JUMA)))).doesNotContain(id.toString());
    }

    @Test
    void readingOneRequest() {
        expect((who, token) -> http().get(path, token).status(), matrixForReads());
    }

    @Test
    void readingTheTimeline() {
        expect((who, token) -> http().get(path + "/timeline", token).status(), matrixForReads());
    }

    @Test
    void readingByTrackingNumber() {
        String number = http().get(path, token(AMINA)).body().path("trackingNumber").asString();
        expect((who, token) -> http().get("/api/v1/requests/by-tracking-number/" + number, token).status(), Map.of(
                AMINA, 200, JUMA, 404, OFFICER_BRELA, 403, ADMIN_BRELA, 403, PLATFORM_ADMIN, 403,
                ANONYMOUS, 401, SERVICE, 403, TAMPERED, 401));
    }

    @Test
    void theQueueIsTheCallersAgencyOnly() {
        expect((who, token) -> http().get("/api/v1/requests/queue?serviceId=" + service, token).status(), Map.of(
                OFFICER_BRELA, 200, ADMIN_BRELA, 200, OFFICER_RITA, 200, AMINA, 403, PLATFORM_ADMIN, 403,
                ANONYMOUS, 401, SERVICE, 403, TAMPERED, 401, FORGED_AGENCY, 401));
        assertThat(WorkflowIT.ids(http().get("/api/v1/requests/queue?serviceId=" + service, token(OFFICER_BRELA))))
                .containsExactly(id.toString());
        assertThat(WorkflowIT.ids(http().get("/api/v1/requests/queue?serviceId=" + service, token(OFFICER_RITA)))).isEmpty();
    }

    @Test
    void assigning() {
        expect((who, token) -> http().post(path + "/assignment", token, Map.of("assignee", "self")).status(), Map.of(
                OFFICER_RITA, 404, ADMIN_BRELA, 403, AMINA, 403, PLATFORM_ADMIN, 403, ANONYMOUS, 401, SERVICE, 403,
                TAMPERED, 401, FORGED_AGENCY, 401, OFFICER_BRELA, 200));
    }

    @Test
    void decidingIsForTheAgencysOfficers() {
        String etag = http().get(path, token(OFFICER_BRELA)).header("ETag").orElseThrow();
        expect((who, token) -> http().post(path + "/status-changes", token, Map.of("to", "IN_REVIEW"),
                Map.of("If-Match", etag)).status(), Map.of(
                OFFICER_RITA, 404, ADMIN_BRELA, 403, ADMIN_RITA, 403, AMINA, 403, PLATFORM_ADMIN, 403, ANONYMOUS, 401,
                SERVICE, 403, TAMPERED, 401, FORGED_AGENCY, 401));
        assertThat(http().get(path, token(AMINA)).body().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(http().post(path + "/status-changes", token(OFFICER_BRELA), Map.of("to", "IN_REVIEW"),
                Map.of("If-Match", etag)).status()).isEqualTo(200);
    }

    @Test
    void notesAreForTheAgencysStaff() {
        expect((who, token) -> http().post(path + "/notes", token, Map.of("text", "kumbukumbu")).status(), Map.of(
                OFFICER_BRELA, 201, ADMIN_BRELA, 201, OFFICER_RITA, 404, ADMIN_RITA, 404, AMINA, 403, PLATFORM_ADMIN, 403,
                ANONYMOUS, 401, SERVICE, 403, TAMPERED, 401));
    }

    @Test
    void respondingAndWithdrawingAreForTheOwner() {
        expect((who, token) -> http().post(path + "/responses", token, Map.of("answers", Map.of())).status(), Map.of(
                JUMA, 404, OFFICER_BRELA, 403, PLATFORM_ADMIN, 403, ANONYMOUS, 401, SERVICE, 403, TAMPERED, 401,
                AMINA, 409));
        expect((who, token) -> http().post(path + "/withdrawal", token, null).status(), Map.of(
                JUMA, 404, OFFICER_BRELA, 403, ADMIN_BRELA, 403, ANONYMOUS, 401, SERVICE, 403, TAMPERED, 401,
                AMINA, 200));
    }

    @Test
    void openDataIsForEveryone() {
        expect((who, token) -> http().get("/api/v1/open-data/requests", token).status(), Map.of(
                ANONYMOUS, 200, AMINA, 200, OFFICER_RITA, 200, SERVICE, 200, TAMPERED, 401));
    }

    private Map<String, Integer> matrixForReads() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(AMINA, 200);
        expected.put(JUMA, 404);
        expected.put(OFFICER_BRELA, 200);
        expected.put(ADMIN_BRELA, 200);
        expected.put(OFFICER_RITA, 404);
        expected.put(ADMIN_RITA, 404);
        expected.put(PLATFORM_ADMIN, 403);
        expected.put(ANONYMOUS, 401);
        expected.put(SERVICE, 403);
        expected.put(TAMPERED, 401);
        expected.put(FORGED_AGENCY, 401);
        return expected;
    }

    /** Calls as each caller in turn (in the map's order where it matters) and compares every status. */
    private void expect(BiFunction<String, String, Integer> call, Map<String, Integer> expected) {
        Map<String, Integer> actual = new LinkedHashMap<>();
        Map<String, Integer> ordered = new LinkedHashMap<>();
        // successful state changes last, so refusals are judged on the untouched request
        expected.entrySet().stream().sorted((a, b) -> Boolean.compare(a.getValue() < 300, b.getValue() < 300))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        ordered.keySet().forEach(who -> actual.put(who, call.apply(who, tokenOf(who))));
        assertThat(actual).isEqualTo(ordered);
    }

    private JsonHttp.Response submit(String token, Object body) {
        return http().post("/api/v1/requests", token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static String tokenOf(String who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case SERVICE -> Tokens.serviceToken("requests-service");
            case TAMPERED -> Tokens.tamperSignature(token(AMINA));
            case FORGED_AGENCY -> Tokens.tamperClaims(token(OFFICER_RITA), Map.of("agency", "brela"));
            default -> token(who);
        };
    }
}
