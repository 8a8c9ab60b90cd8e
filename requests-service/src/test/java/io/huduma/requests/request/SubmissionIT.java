package io.huduma.requests.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.Channel;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.requests.v1.RequestSubmitted;
import io.huduma.testkit.TopicEvents;
import io.huduma.requests.FakeCatalog;
import io.huduma.testkit.JsonHttp;
import io.huduma.requests.RequestsIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** POST /api/v1/requests: idempotency, validation against the form schema, the catalogue, the event. */
class SubmissionIT extends RequestsIT {

    @Test
    void aValidApplicationIsCreatedWithATrackingNumberDueDateAndEtagAndAnnouncedOnTheTopic() throws Exception {
        UUID service = aBrelaService();

        JsonHttp.Response response = submit(AMINA, submission(service, validAnswers()), UUID.randomUUID().toString());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.body().path("id").asString();
        assertThat(response.header("Location")).contains("/api/v1/requests/" + id);
        assertThat(response.header("ETag")).contains("\"" + id + ".1\"");
        assertThat(response.body().path("trackingNumber").asString()).matches("HD-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        assertThat(response.body().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(response.body().path("serviceId").asString()).isEqualTo(service.toString());
        assertThat(response.body().path("serviceVersion").asInt()).isEqualTo(1);
        assertThat(response.body().path("agencyCode").asString()).isEqualTo("brela");
        assertThat(response.body().path("onTime").asBoolean()).isTrue();
        assertThat(response.body().path("fee").path("amountMinor").asLong()).isEqualTo(10_000);
        assertThat(response.body().path("serviceName").path("en").asString()).isEqualTo("Business name registration 1");
        LocalDate due = LocalDate.parse(response.body().path("dueDate").asString());
        assertThat(due).isAfter(LocalDate.now().plusDays(4));
        assertThat(response.body().has("citizenSubject")).isFalse();

        // the service token of requests-service went to the catalogue
        assertThat(catalog().lastBearer()).startsWith("Bearer ");

        List<EventEnvelope> events = TopicEvents.await(Topics.REQUESTS, id, 1);
        assertThat(events).hasSize(1);
        EventEnvelope envelope = events.get(0);
        assertThat(envelope.getType()).isEqualTo("huduma.requests.v1.RequestSubmitted");
        assertThat(envelope.getSource()).isEqualTo("requests-service");
        assertThat(envelope.getAgency()).isEqualTo("brela");
        RequestSubmitted submitted = envelope.getData().unpack(RequestSubmitted.class);
        assertThat(submitted.getTrackingNumber()).isEqualTo(response.body().path("trackingNumber").asString());
        assertThat(submitted.getCitizenSubject()).isEqualTo(subjectOf(AMINA));
        assertThat(submitted.getServiceVersion()).isEqualTo(1);
        assertThat(submitted.getServiceName().getSw()).isEqualTo("Usajili wa Jina la Biashara 1");
        assertThat(submitted.getChannel()).isEqualTo(Channel.CHANNEL_WEB);
        assertThat(submitted.getDueDate()).isEqualTo(due.toString());
        assertThat(submitted.getFee().getAmountMinor()).isEqualTo(10_000);
    }

    @Test
    void withoutAnIdempotencyKeyNothingIsCreated() {
        UUID service = aBrelaService();

        JsonHttp.Response response = submit(AMINA, submission(service, validAnswers()), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(pointers(response)).containsExactly("Idempotency-Key");
        assertThat(requestsFor(service)).isZero();
    }

    @Test
    void theSameKeyWithTheSameBodyReplaysTheFirstResponse() {
        UUID service = aBrelaService();
        String key = UUID.randomUUID().toString();

        JsonHttp.Response first = submit(AMINA, submission(service, validAnswers()), key);
        // the same content, members in another order
        ObjectNode reordered = JsonHttp.JSON.createObjectNode().put("channel", "web");
        reordered.set("answers", validAnswers());
        reordered.put("serviceId", service.toString());
        JsonHttp.Response retry = submit(AMINA, reordered, key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(requestsFor(service)).isOne();
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        UUID service = aBrelaService();
        String key = UUID.randomUUID().toString();
        submit(AMINA, submission(service, validAnswers()), key);

        JsonHttp.Response other = submit(AMINA, submission(service, validAnswers().put("employees", 4)), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(requestsFor(service)).isOne();
    }

    @Test
    void keysBelongToTheirCitizen() {
        UUID service = aBrelaService();
        String key = UUID.randomUUID().toString();

        JsonHttp.Response amina = submit(AMINA, submission(service, validAnswers()), key);
        JsonHttp.Response juma = submit(JUMA, submission(service, validAnswers()), key);

        assertThat(juma.status()).isEqualTo(201);
        assertThat(juma.body().path("id")).isNotEqualTo(amina.body().path("id"));
        assertThat(requestsFor(service)).isEqualTo(2);
    }

    @Test
    void twentyConcurrentIdenticalSubmissionsMakeExactlyOneRequest() throws Exception {
        UUID service = aBrelaService();
        String key = UUID.randomUUID().toString();
        ObjectNode body = submission(service, validAnswers());
        token(AMINA);

        List<JsonHttp.Response> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<JsonHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> submit(AMINA, body, key));
            }
            for (Future<JsonHttp.Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).extracting(JsonHttp.Response::status).containsOnly(201);
        assertThat(responses.stream().map(r -> r.body().path("id").asString()).distinct()).hasSize(1);
        assertThat(requestsFor(service)).isOne();
        String id = responses.get(0).body().path("id").asString();
        assertThat(TopicEvents.await(Topics.REQUESTS, id, 1, Duration.ofSeconds(30), Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void answersThatBreakTheFormAreListedWithPointersInSwahili() {
        UUID service = aBrelaService();
        ObjectNode answers = validAnswers().put("businessName", "AB").put("ownerNationalId", "12345")
                .put("startDate", "1/11/2026").put("employees", -1).put("nickname", "x");
        answers.remove("sector");

        JsonHttp.Response response = submit(AMINA, submission(service, answers), UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(422);
        assertThat(pointers(response)).containsExactlyInAnyOrder("/answers/businessName", "/answers/ownerNationalId",
                "/answers/startDate", "/answers/employees", "/answers/nickname");
        assertThat(messageAt(response, "/answers/businessName")).isEqualTo("liwe na angalau herufi 3");
        assertThat(messageAt(response, "/answers/ownerNationalId")).isEqualTo("haliko katika muundo unaotarajiwa");
        assertThat(requestsFor(service)).isZero();
    }

    @Test
    void answersThatBreakTheFormAreListedInEnglishWhenAsked() {
        UUID service = aBrelaService();
        ObjectNode answers = validAnswers();
        answers.remove("businessName");

        JsonHttp.Response response = http().post("/api/v1/requests", token(AMINA), submission(service, answers),
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", "en"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(pointers(response)).containsExactly("/answers/businessName");
        assertThat(messageAt(response, "/answers/businessName")).isEqualTo("an answer is required");
    }

    @Test
    void malformedBodiesAreRefusedWithPointers() {
        JsonHttp.Response noService = submit(AMINA, JsonHttp.JSON.readTree("{\"answers\":{},\"channel\":\"web\"}"), "k-" + UUID.randomUUID());
        assertThat(noService.status()).isEqualTo(400);
        assertThat(pointers(noService)).contains("/serviceId");

        JsonHttp.Response badChannel = submit(AMINA, submission(aBrelaService(), validAnswers()).put("channel", "fax"),
                "k-" + UUID.randomUUID());
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(pointers(badChannel)).contains("/channel");

        JsonHttp.Response notJson = http().sendRaw("POST", "/api/v1/requests", token(AMINA), "application/json",
                "{not json".getBytes());
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void unknownServicesAre404AndRetiredOnes422() {
        JsonHttp.Response unknown = submit(AMINA, submission(UUID.randomUUID(), validAnswers()), UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(404);

        UUID retired = aBrelaService();
        catalog().retire(retired);
        JsonHttp.Response refused = submit(AMINA, submission(retired, validAnswers()), UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(requestsFor(retired)).isZero();
    }

    @Test
    void aCatastrophicPatternCannotStallTheService() {
        UUID service = UUID.randomUUID();
        catalog().publish(service, 1, "brela", FakeCatalog.EVIL_PATTERN_FORM, 5, null);
        ObjectNode answers = JsonHttp.JSON.createObjectNode().put("code", "a".repeat(50_000) + "!");

        long started = System.nanoTime();
        JsonHttp.Response response = submit(AMINA, submission(service, answers), UUID.randomUUID().toString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).isEqualTo(422);
        assertThat(pointers(response)).containsExactly("/answers/code");
        // generous for a loaded machine; a backtracking engine would need 2^50000 steps
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        JsonHttp.Response fine = submit(AMINA, submission(service, JsonHttp.JSON.createObjectNode().put("code", "aaaa")),
                UUID.randomUUID().toString());
        assertThat(fine.status()).isEqualTo(201);
    }

    @Test
    void theRequestKeepsTheVersionItWasMadeAgainst() {
        UUID service = aBrelaService();
        UUID id = submitted(AMINA, service);

        catalog().publish(service, 2, "brela", FakeCatalog.BUSINESS_NAME_FORM, 10, 20_000L);

        JsonHttp.Response read = http().get("/api/v1/requests/" + id, token(AMINA));
        assertThat(read.body().path("serviceVersion").asInt()).isEqualTo(1);
        assertThat(read.body().path("slaWorkingDays").asInt()).isEqualTo(5);
        assertThat(read.body().path("fee").path("amountMinor").asLong()).isEqualTo(10_000);
    }

    private long requestsFor(UUID service) {
        return jdbc.sql("select count(*) from request where service_id = ?").param(service).query(Long.class).single();
    }

    static List<String> pointers(JsonHttp.Response response) {
        return response.body().path("errors").valueStream().map(e -> e.path("pointer").asString()).toList();
    }

    static String messageAt(JsonHttp.Response response, String pointer) {
        return response.body().path("errors").valueStream().filter(e -> pointer.equals(e.path("pointer").asString()))
                .map(e -> e.path("message").asString()).findFirst().orElse(null);
    }
}
