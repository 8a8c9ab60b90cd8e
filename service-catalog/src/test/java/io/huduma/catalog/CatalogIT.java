package io.huduma.catalog;

import io.huduma.testkit.JsonHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.testkit.HudumaTestProperties;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Base of every integration test: one Spring context (same properties everywhere, so the test
 * framework shares it) on the build's real PostgreSQL, Kafka, Keycloak and Eureka, with the demo
 * catalogue loaded through the real use cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huduma.catalog.demo-data.enabled=true",
        "huduma.catalog.upstreams.allowed-hosts=gateway.brela.example",
        // the start-up test calls GetAgency over the service's own discovery channel, with its own token
        "huduma.grpc.allowed-callers[huduma.catalog.v1.CatalogService/GetAgency]="
                + "svc-identity,svc-notifications-service,svc-requests-service,svc-service-catalog"})
abstract class CatalogIT {

    static final String ADMIN_BRELA = "admin.brela";
    static final String OFFICER_BRELA = "officer.brela";
    static final String ADMIN_RITA = "admin.rita";
    static final String OFFICER_RITA = "officer.rita";
    static final String PLATFORM_ADMIN = "admin.platform";
    static final String CITIZEN = "citizen.amina";

    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();
    private static ManagedChannel channel;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HudumaTestProperties.all(registry, "service-catalog");
    }

    @LocalServerPort
    int port;

    @LocalGrpcPort
    int grpcPort;

    @Autowired
    JdbcClient jdbc;

    JsonHttp http() {
        return new JsonHttp(port);
    }

    /** A real token of a demo user, fetched from Keycloak and reused for a minute. */
    static String token(String username) {
        CachedToken cached = TOKENS.get(username);
        if (cached == null || cached.fetchedAt() < System.nanoTime() - Duration.ofSeconds(60).toNanos()) {
            cached = new CachedToken(Tokens.forUser(username), System.nanoTime());
            TOKENS.put(username, cached);
        }
        return cached.token();
    }

    private record CachedToken(String token, long fetchedAt) {
    }

    /** A plaintext channel to this service's gRPC port, shared by the tests of a class. */
    ManagedChannel channel() {
        if (channel == null) {
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        }
        return channel;
    }

    @AfterAll
    static void closeChannel() {
        if (channel != null) {
            channel.shutdownNow();
            channel = null;
        }
    }

    /** A stub that sends {@code token} as the bearer token of every call (null: no token). */
    CatalogServiceGrpc.CatalogServiceBlockingStub catalog(String token) {
        CatalogServiceGrpc.CatalogServiceBlockingStub stub = CatalogServiceGrpc.newBlockingStub(channel())
                .withDeadlineAfter(Duration.ofSeconds(10));
        if (token == null) {
            return stub;
        }
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        ClientInterceptor bearer = MetadataUtils.newAttachHeadersInterceptor(headers);
        return stub.withInterceptors(bearer);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- test data builders --------------------------------------------------------------------

    static ObjectNode label(String sw, String en) {
        return JsonHttp.JSON.createObjectNode().put("sw", sw).put("en", en);
    }

    /** A valid, publishable draft with the given slug and names. */
    static ObjectNode aDraft(String slug, String nameSw, String nameEn) {
        ObjectNode draft = JsonHttp.JSON.createObjectNode();
        if (slug != null) {
            draft.put("slug", slug);
        }
        draft.set("name", label(nameSw, nameEn));
        draft.set("description", label("Maelezo ya huduma ya majaribio " + nameSw, "Description of the trial service " + nameEn));
        draft.put("category", "testing");
        draft.set("eligibility", label("Wote", "Everyone"));
        draft.set("requiredDocuments", JsonHttp.JSON.createArrayNode().add(label("Kitambulisho", "Identity document")));
        draft.set("formSchema", JsonHttp.JSON.readTree("""
                {"type":"object","required":["fullName"],"properties":{
                  "fullName":{"type":"string","maxLength":120,"x-label":{"sw":"Jina kamili","en":"Full name"}},
                  "visitDate":{"type":"string","format":"date","x-label":{"sw":"Tarehe","en":"Date"}}}}"""));
        draft.set("fee", JsonHttp.JSON.createObjectNode().put("amountMinor", 5000).put("currency", "TZS"));
        draft.put("slaWorkingDays", 5);
        draft.set("channels", JsonHttp.JSON.createArrayNode().add("web").add("sms"));
        ObjectNode contact = JsonHttp.JSON.createObjectNode().put("email", "huduma@example.go.tz").put("phone", "0754 123 456");
        draft.set("contact", contact);
        return draft;
    }

    /** Creates a draft as {@code admin} in {@code agency} and returns the new service id. */
    String createDraft(String admin, String agency, ObjectNode draft) {
        JsonHttp.Response created = http().post("/api/v1/agencies/" + agency + "/services", token(admin), draft);
        if (created.status() != 201) {
            throw new AssertionError("draft not created: " + created);
        }
        return created.body().path("id").asString();
    }

    /** Creates and publishes a service; returns its id. */
    String publishedService(String admin, String agency, String slug, String nameSw, String nameEn) {
        String id = createDraft(admin, agency, aDraft(slug, nameSw, nameEn));
        JsonHttp.Response published = http().post("/api/v1/services/" + id + "/publication", token(admin), null);
        if (published.status() != 201) {
            throw new AssertionError("not published: " + published);
        }
        return id;
    }

    static List<String> pointers(JsonHttp.Response response) {
        return response.body().path("errors").valueStream().map(e -> e.path("pointer").asString()).toList();
    }
}
