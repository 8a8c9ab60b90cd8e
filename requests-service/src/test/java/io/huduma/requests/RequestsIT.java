package io.huduma.requests;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.huduma.testkit.DemoUsers;
import io.huduma.testkit.HudumaTestProperties;
import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Base of the integration tests: one Spring context (the same properties everywhere, so the test
 * framework shares it) on the build's real PostgreSQL, Kafka, Keycloak and Eureka, with the
 * catalogue's gRPC API served by {@link FakeCatalog} on a loopback port.
 */
@SpringBootTest(classes = RequestsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "huduma.requests.catalog.deadline=10s",
                "huduma.requests.catalog.breaker-window=10",
                "huduma.requests.catalog.breaker-open-for=3s",
                // the SLA job is driven by the tests
                "huduma.requests.sla.enabled=false",
                "huduma.requests.open-data.max-age=1s",
                // the realm has no USSD client yet: notifications-service stands in for it as a caller
                "huduma.requests.grpc.submit-callers=svc-ussd-service,svc-notifications-service"})
public abstract class RequestsIT {

    protected static final String AMINA = DemoUsers.CITIZEN_AMINA;
    protected static final String JUMA = DemoUsers.CITIZEN_JUMA;
    protected static final String OFFICER_BRELA = DemoUsers.OFFICER_BRELA;
    protected static final String ADMIN_BRELA = DemoUsers.ADMIN_BRELA;
    protected static final String OFFICER_RITA = DemoUsers.OFFICER_RITA;
    protected static final String ADMIN_RITA = DemoUsers.ADMIN_RITA;
    protected static final String PLATFORM_ADMIN = DemoUsers.PLATFORM_ADMIN;

    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HudumaTestProperties.all(registry, "requests-service");
        registry.add("spring.grpc.client.channels.service-catalog.address",
                () -> "static://127.0.0.1:" + FakeCatalog.get().port());
    }

    private static volatile boolean catalogueChannelReady;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /**
     * The first call to the catalogue of a fresh context also fetches the service token from Keycloak and
     * opens the channel, which on a loaded machine can outlast the deadline: wait until one submission
     * goes through before the tests judge anything.
     */
    @BeforeEach
    void catalogueChannelReady() throws InterruptedException {
        if (catalogueChannelReady) {
            return;
        }
        UUID service = aBrelaService();
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            if (submit(AMINA, submission(service, validAnswers()), UUID.randomUUID().toString()).status() == 201) {
                catalogueChannelReady = true;
                return;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("requests-service never reached the stand-in catalogue");
    }

    protected JsonHttp http() {
        return new JsonHttp(port);
    }

    protected static FakeCatalog catalog() {
        return FakeCatalog.get();
    }

    /** A real token of a demo user, fetched from Keycloak and reused for a minute. */
    protected static String token(String username) {
        CachedToken cached = TOKENS.get(username);
        if (cached == null || cached.fetchedAt() < System.nanoTime() - Duration.ofSeconds(60).toNanos()) {
            cached = new CachedToken(Tokens.forUser(username), System.nanoTime());
            TOKENS.put(username, cached);
        }
        return cached.token();
    }

    protected static String subjectOf(String username) {
        return (String) Tokens.claims(token(username)).get("sub");
    }

    private record CachedToken(String token, long fetchedAt) {
    }

    /** A new BRELA service (version 1, SLA 5 working days, fee 10,000 TZS) with the business name form. */
    protected static UUID aBrelaService() {
        UUID id = UUID.randomUUID();
        catalog().publish(id, 1, "brela", FakeCatalog.BUSINESS_NAME_FORM, 5, 10_000L);
        return id;
    }

    protected static ObjectNode validAnswers() {
        return (ObjectNode) JsonHttp.JSON.readTree("""
                {"businessName":"Mama Ntilie Foods","ownerNationalId":"19900412123450000123","startDate":"2026-11-01",
                 "employees":3,"sector":"services"}""");
    }

    protected static ObjectNode submission(UUID serviceId, ObjectNode answers) {
        ObjectNode body = JsonHttp.JSON.createObjectNode();
        body.put("serviceId", serviceId.toString());
        body.set("answers", answers);
        body.put("channel", "web");
        return body;
    }

    protected JsonHttp.Response submit(String user, Object body, String key) {
        return http().post("/api/v1/requests", token(user), body, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    /** Submits a valid application for {@code serviceId} as {@code user}; returns the response body's id. */
    protected UUID submitted(String user, UUID serviceId) {
        JsonHttp.Response response = submit(user, submission(serviceId, validAnswers()), UUID.randomUUID().toString());
        if (response.status() != 201) {
            throw new AssertionError("not submitted: " + response);
        }
        return UUID.fromString(response.body().path("id").asString());
    }

    /** Reads the request as {@code user} and moves it to {@code to} with the ETag just read. */
    protected JsonHttp.Response move(String user, UUID id, String to, String note, boolean visible, String outcome) {
        String etag = http().get("/api/v1/requests/" + id, token(user)).header("ETag").orElseThrow();
        ObjectNode body = JsonHttp.JSON.createObjectNode().put("to", to).put("visibleToCitizen", visible);
        if (note != null) {
            body.put("note", note);
        }
        if (outcome != null) {
            body.put("outcomeReference", outcome);
        }
        return http().post("/api/v1/requests/" + id + "/status-changes", token(user), body, Map.of("If-Match", etag));
    }
}
