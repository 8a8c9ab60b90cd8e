package io.huduma.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;
import io.huduma.testkit.Infra;
import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Journeys 3 and 4: a platform admin onboards a new agency and its admin; the admin publishes a service
 * and puts the agency's own small HTTP microservice (started here, registered in Eureka with the agency's
 * metadata) behind the gateway as an agency API; citizens reach it with the access policy enforced;
 * the admin creates a system client whose token reaches the API with the granted scope and is refused
 * without it; suspending gives 503 and removing gives 404, with no gateway restart. Needs {@code ./huduma up}.
 */
class AgencyOnboardingIT {

    private static final String GATEWAY = System.getenv().getOrDefault("HUDUMA_GATEWAY_URL", "http://localhost:8080");
    private static final Duration LIVE = Duration.ofSeconds(45);

    private final JsonHttp gateway = new JsonHttp(GATEWAY);
    private final JourneyLog log = new JourneyLog("agency-onboarding");
    private HttpServer agencyService;
    private String registeredApp;
    private String registeredInstance;

    @AfterEach
    void stopTheAgencyService() throws Exception {
        if (registeredApp != null) {
            HttpClientHolder.HTTP.send(Infra.eurekaRequest("apps/" + registeredApp + "/" + registeredInstance).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        if (agencyService != null) {
            agencyService.stop(0);
        }
    }

    @Test
    void aNewAgencyPublishesAServiceAndOpensItsOwnApiToCitizensAndItsSystemClients() throws Exception {
        String code = "e2e" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String platform = Tokens.forUser("admin.platform");

        // the platform admin creates the agency and its first admin
        ObjectNode agency = JsonHttp.JSON.createObjectNode().put("code", code)
                .put("contactEmail", "huduma@" + code + ".go.tz").put("contactPhone", "+255 22 211 1111")
                .put("website", "https://" + code + ".go.tz");
        agency.putObject("name").put("sw", "Wakala wa Majaribio " + code).put("en", "Trial Agency " + code);
        JsonHttp.Response created = log.step("admin.platform creates agency " + code, gateway.post("/api/v1/agencies", platform, agency));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String email = "msimamizi." + code + "@" + code + ".go.tz";
        JsonHttp.Response invited = log.step("admin.platform creates its admin " + email, gateway.post(
                "/api/v1/identity/agencies/" + code + "/staff", platform,
                Map.of("email", email, "fullName", "Mwanaidi Msimamizi", "role", "agency-admin")));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.text("temporaryPassword")).hasSizeGreaterThanOrEqualTo(16);

        // the admin's first sign-in (in a browser: new password, authenticator app, email link) done as
        // Keycloak's administrator would, then an ordinary sign-in carrying the agency claim
        String password = "Msimamizi-" + code + "-" + UUID.randomUUID().toString().substring(0, 4) + "!";
        FirstSignIn.complete(email, password);
        String admin = Tokens.forUserWithPassword(email, password);
        assertThat(Tokens.claims(admin)).containsEntry("agency", code);
        log.note("admin " + email + " signed in with agency=" + code);

        // a service, published: everyone sees it
        JsonHttp.Response draft = log.step("admin creates a draft service", gateway.send("POST",
                "/api/v1/agencies/" + code + "/services", admin, Map.of(), JsonHttp.JSON.readTree(service(code))));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String serviceId = draft.text("id");
        JsonHttp.Response published = log.step("admin publishes it",
                gateway.post("/api/v1/services/" + serviceId + "/publication", admin, null));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        JsonHttp.Response seen = log.step("anyone reads it", gateway.get("/api/v1/services/" + serviceId + "?lang=en"));
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().path("name").asString()).isEqualTo("Trial records " + code);

        // the agency's own microservice, registered in Eureka with the agency's metadata
        startAgencyService(code);
        JsonHttp.Response api = log.step("admin registers lb://" + registeredApp.toLowerCase() + " as API 'records'",
                gateway.post("/api/v1/agencies/" + code + "/apis", admin, Map.of("name", "records",
                        "upstream", "lb://" + registeredApp.toLowerCase(), "accessPolicy", "CITIZEN",
                        "rateLimitPerMinute", 600, "timeoutMillis", 5000)));
        assertThat(api.status()).as(api.toString()).isEqualTo(201);
        String path = "/agencies/" + code + "/records/hati/123";

        String citizen = Tokens.forUser("citizen.amina");
        JsonHttp.Response reached = await("a citizen reaches it", () -> gateway.get(path, citizen), r -> r.status() == 200);
        assertThat(reached.body().path("agency").asString()).isEqualTo(code);
        assertThat(reached.body().path("path").asString()).endsWith("/hati/123");
        assertThat(reached.body().path("subject").asString()).isEqualTo(Tokens.claims(citizen).get("sub"));
        assertThat(log.step("anonymous caller", gateway.get(path)).status()).isEqualTo(401);
        assertThat(log.step("officer.brela (not a citizen)", gateway.get(path, Tokens.forUser("officer.brela"))).status())
                .isEqualTo(403);

        // journey 4: a system client of the agency, with and without the scope the API requires
        String scope = code + ".records";
        JsonHttp.Response scoped = log.step("admin creates system client with " + scope, gateway.post(
                "/api/v1/identity/agencies/" + code + "/clients", admin, Map.of("name", "registry", "scopes", List.of(scope))));
        assertThat(scoped.status()).as(scoped.toString()).isEqualTo(201);
        JsonHttp.Response unscoped = log.step("admin creates system client without it", gateway.post(
                "/api/v1/identity/agencies/" + code + "/clients", admin, Map.of("name", "reports")));
        assertThat(unscoped.status()).as(unscoped.toString()).isEqualTo(201);
        ObjectNode clientsOnly = JsonHttp.JSON.createObjectNode().put("upstream", "lb://" + registeredApp.toLowerCase())
                .put("accessPolicy", "CLIENT_SCOPES").put("rateLimitPerMinute", 600).put("timeoutMillis", 5000);
        clientsOnly.putArray("requiredScopes").add(scope);
        assertThat(log.step("admin: the API now needs " + scope, gateway.put("/api/v1/agencies/" + code + "/apis/records",
                admin, clientsOnly)).status()).isEqualTo(200);
        String withScope = Tokens.forClient(scoped.text("clientId"), scoped.text("secret"));
        String withoutScope = Tokens.forClient(unscoped.text("clientId"), unscoped.text("secret"));
        JsonHttp.Response byClient = await("the scoped client calls it", () -> gateway.get(path, withScope),
                r -> r.status() == 200);
        assertThat(byClient.body().path("clientId").asString()).isEqualTo(scoped.text("clientId"));
        assertThat(log.step("the client without the scope", gateway.get(path, withoutScope)).status()).isEqualTo(403);
        assertThat(log.step("a citizen, now", gateway.get(path, citizen)).status()).isEqualTo(403);

        // suspended: 503; removed: 404; the gateway was never restarted
        clientsOnly.put("status", "SUSPENDED");
        assertThat(gateway.put("/api/v1/agencies/" + code + "/apis/records", admin, clientsOnly).status()).isEqualTo(200);
        await("suspended", () -> gateway.get(path, withScope), r -> r.status() == 503);
        assertThat(gateway.delete("/api/v1/agencies/" + code + "/apis/records", admin).status()).isEqualTo(204);
        JsonHttp.Response removed = await("removed", () -> gateway.get(path, withScope), r -> r.status() == 404);
        assertThat(removed.contentType()).startsWith("application/problem+json");
    }

    private void startAgencyService(String code) throws IOException, InterruptedException {
        agencyService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        agencyService.createContext("/", exchange -> {
            ObjectNode body = JsonHttp.JSON.createObjectNode().put("agency", code)
                    .put("path", exchange.getRequestURI().getPath())
                    .put("subject", header(exchange.getRequestHeaders().getFirst("X-Huduma-Subject")))
                    .put("clientId", header(exchange.getRequestHeaders().getFirst("X-Huduma-Client-Id")));
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        agencyService.start();
        int port = agencyService.getAddress().getPort();
        registeredApp = (code + "-records").toUpperCase();
        registeredInstance = code + "-records-" + port;
        String instance = """
                {"instance":{"instanceId":"%s","hostName":"127.0.0.1","app":"%s","ipAddr":"127.0.0.1","vipAddress":"%s",
                "status":"UP","port":{"$":%d,"@enabled":"true"},"securePort":{"$":443,"@enabled":"false"},
                "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"},
                "leaseInfo":{"renewalIntervalInSecs":30,"durationInSecs":300},
                "metadata":{"agency":"%s"}}}""".formatted(registeredInstance, registeredApp, registeredApp.toLowerCase(), port, code);
        HttpResponse<String> registered = HttpClientHolder.HTTP.send(Infra.eurekaRequest("apps/" + registeredApp)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(instance)).build(),
                HttpResponse.BodyHandlers.ofString());
        log.note("agency service on 127.0.0.1:" + port + " registered in Eureka as " + registeredApp + ": HTTP "
                + registered.statusCode());
        assertThat(registered.statusCode()).isEqualTo(204);
    }

    private JsonHttp.Response await(String what, java.util.function.Supplier<JsonHttp.Response> call,
            Predicate<JsonHttp.Response> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(LIVE);
        JsonHttp.Response last = call.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            last = call.get();
        }
        log.step(what, last);
        assertThat(done.test(last)).as("%s within %s: %s", what, LIVE, last).isTrue();
        return last;
    }

    private static String header(String value) {
        return value == null ? "" : value;
    }

    private static String service(String code) {
        return """
                {"slug":"records-%s","name":{"sw":"Kumbukumbu za majaribio %s","en":"Trial records %s"},
                 "description":{"sw":"Nakala ya kumbukumbu","en":"A copy of a record"},
                 "category":"records","eligibility":{"sw":"Wote","en":"Everyone"},
                 "requiredDocuments":[{"sw":"Kitambulisho","en":"Identity document"}],
                 "formSchema":{"type":"object","required":["recordNumber"],"properties":{
                   "recordNumber":{"type":"string","maxLength":20,"x-label":{"sw":"Namba ya kumbukumbu","en":"Record number"}}}},
                 "fee":{"amountMinor":2000,"currency":"TZS"},"slaWorkingDays":3,"channels":["web"],
                 "contact":{"email":"huduma@example.go.tz","phone":"0754 123 456"}}""".formatted(code, code, code);
    }

    /** One HTTP client for the registry calls. */
    private static final class HttpClientHolder {
        static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
    }

    /**
     * What a new staff member does at the first browser sign-in (set a password, enrol an authenticator,
     * verify the email), done here through Keycloak's admin API of the local stack: the new password is
     * set, the required actions are cleared and the account is marked {@code otpExempt} like the demo admins.
     */
    static final class FirstSignIn {

        static void complete(String username, String password) {
            JsonHttp keycloak = new JsonHttp(Infra.keycloakUrl());
            String form = "grant_type=password&client_id=admin-cli&username=" + enc(Infra.keycloakAdminUsername())
                    + "&password=" + enc(Infra.keycloakAdminPassword());
            JsonHttp.Response token = keycloak.sendRaw("POST", "/realms/master/protocol/openid-connect/token", null,
                    "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
            assertThat(token.status()).as(token.toString()).isEqualTo(200);
            String adminToken = token.text("access_token");
            JsonHttp.Response users = keycloak.get("/admin/realms/huduma/users?exact=true&username=" + enc(username), adminToken);
            assertThat(users.body().size()).as(users.toString()).isEqualTo(1);
            JsonNode user = users.body().get(0);
            String id = user.path("id").asString();
            ObjectNode changed = (ObjectNode) user.deepCopy();
            changed.putArray("requiredActions");
            changed.put("emailVerified", true);
            ObjectNode attributes = changed.has("attributes") ? (ObjectNode) changed.get("attributes") : changed.putObject("attributes");
            attributes.putArray("otpExempt").add("true");
            JsonHttp.Response updated = keycloak.put("/admin/realms/huduma/users/" + id, adminToken, changed);
            assertThat(updated.status()).as(updated.toString()).isEqualTo(204);
            JsonHttp.Response reset = keycloak.put("/admin/realms/huduma/users/" + id + "/reset-password", adminToken,
                    Map.of("type", "password", "value", password, "temporary", false));
            assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
