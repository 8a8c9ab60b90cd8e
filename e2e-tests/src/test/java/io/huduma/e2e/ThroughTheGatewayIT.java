package io.huduma.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a user of the running platform relies on, seen only from outside: the gateway's public
 * address and real tokens from the stack's Keycloak. Needs {@code ./huduma up}.
 */
class ThroughTheGatewayIT {

    private static final String GATEWAY = System.getenv().getOrDefault("HUDUMA_GATEWAY_URL", "http://localhost:8080");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"identity", "service-catalog", "requests-service", "notifications-service", "ussd-service"})
    void everyServicePublishesItsOpenApiDocumentThroughTheGateway(String service) {
        HttpResponse<String> docs = send(get("/" + service + "/v3/api-docs"));

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).path("openapi").asString()).startsWith("3.");
    }

    @Test
    void aServiceActuatorIsNotPublished() {
        HttpResponse<String> actuator = send(get("/service-catalog/actuator/health"));

        assertThat(actuator.statusCode()).isEqualTo(404);
        assertThat(actuator.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aCitizenFindsTheDemoCatalogueInSwahiliAndEnglish() {
        JsonNode sw = json(send(get("/api/v1/services?q=pasipoti").header("Accept-Language", "sw").build()));
        JsonNode en = json(send(get("/api/v1/services?q=passport").header("Accept-Language", "en").build()));

        assertThat(sw.path("items").get(0).path("slug").asString()).isEqualTo("passport-application");
        assertThat(en.path("items").get(0).path("slug").asString()).isEqualTo("passport-application");
        assertThat(en.path("items").get(0).path("name").asString()).containsIgnoringCase("passport");
    }

    @Test
    void anUnchangedCatalogueAnswers304() {
        HttpResponse<String> first = send(get("/api/v1/agencies"));
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = send(get("/api/v1/agencies").header("If-None-Match", etag).build());

        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void anAgencyAdminPublishesAServiceThatEveryoneThenSees() {
        String admin = Tokens.forUser("admin.brela");
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = send(post("/api/v1/agencies/brela/services", admin, draft(slug)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();

        HttpResponse<String> published = send(post("/api/v1/services/" + id + "/publication", admin, ""));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);

        HttpResponse<String> read = send(get("/api/v1/services/" + id + "?lang=en"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).path("version").asInt()).isEqualTo(1);
        assertThat(json(read).path("name").asString()).isEqualTo("Trial service " + slug);
    }

    @Test
    void anAdminOfAnotherAgencyIsRefused() {
        HttpResponse<String> refused = send(post("/api/v1/agencies/brela/services", Tokens.forUser("admin.rita"),
                draft("e2e-refused-" + UUID.randomUUID().toString().substring(0, 8))));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("status").asInt()).isEqualTo(403);
    }

    @Test
    void noTokenAndATamperedTokenAreRefused() {
        HttpResponse<String> anonymous = send(post("/api/v1/agencies/brela/services", null, draft("e2e-anon")));
        HttpResponse<String> tampered = send(post("/api/v1/agencies/brela/services",
                Tokens.tamperSignature(Tokens.forUser("admin.brela")), draft("e2e-tampered")));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(json(tampered).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void theCorrelationIdComesBack() {
        HttpResponse<String> response = send(get("/api/v1/agencies").header("X-Correlation-Id", "e2e-corr-42").build());

        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("e2e-corr-42");
    }

    private static String draft(String slug) {
        return """
                {"slug":"%s","name":{"sw":"Huduma ya majaribio %s","en":"Trial service %s"},
                 "description":{"sw":"Maelezo ya huduma ya majaribio","en":"Description of the trial service"},
                 "category":"testing","eligibility":{"sw":"Wote","en":"Everyone"},
                 "requiredDocuments":[{"sw":"Kitambulisho","en":"Identity document"}],
                 "formSchema":{"type":"object","required":["fullName"],"properties":{
                   "fullName":{"type":"string","maxLength":120,"x-label":{"sw":"Jina kamili","en":"Full name"}}}},
                 "fee":{"amountMinor":5000,"currency":"TZS"},"slaWorkingDays":5,"channels":["web","sms"],
                 "contact":{"email":"huduma@example.go.tz","phone":"0754 123 456"}}""".formatted(slug, slug, slug);
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + path)).GET();
    }

    private static HttpRequest post(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("The gateway at " + GATEWAY + " did not answer: is ./huduma up running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
