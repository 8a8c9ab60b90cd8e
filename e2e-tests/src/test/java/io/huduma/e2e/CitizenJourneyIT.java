package io.huduma.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.huduma.testkit.Inbox;
import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A new citizen, start to finish, through the gateway only, once in Swahili and once in English:
 * signs up with a local-format phone number and the code that reached the SMSC, adds an email, signs
 * in, finds a service in their language, applies (and retries the same application), is told by SMS
 * and email in their language; an officer of the agency asks for more information, the citizen
 * answers, the officer approves and completes it; the timeline shows every step and each time staff
 * opened the request; the open statistics count a decision once the cell has enough requests to be shown.
 * Needs {@code ./huduma up}.
 */
class CitizenJourneyIT {

    /** What differs between a Swahili and an English citizen: what they type and what they are told. */
    enum Speaker {
        SW("sw", "0754", "Neema Mollel", "leseni%20ya%20biashara",
                "Tafadhali tuma nakala ya mkataba wa pango la eneo la biashara.", "mkataba",
                "Nakala imetumwa kwa barua pepe.", "Leseni imeidhinishwa.",
                List.of("limekubaliwa", "limekamilika"), "pokelewa"),
        EN("en", "0655", "Daniel Massawe", "business%20licence",
                "Please send a copy of the lease for the business premises.", "lease",
                "The copy was sent by email.", "Licence approved.",
                List.of("was approved", "is complete"), "received");

        final String language;
        final String prefix;
        final String name;
        final String query;
        final String question;
        final String questionWord;
        final String response;
        final String approval;
        final List<String> decisionWords;
        final String receiptMailWord;

        Speaker(String language, String prefix, String name, String query, String question, String questionWord,
                String response, String approval, List<String> decisionWords, String receiptMailWord) {
            this.language = language;
            this.prefix = prefix;
            this.name = name;
            this.query = query;
            this.question = question;
            this.questionWord = questionWord;
            this.response = response;
            this.approval = approval;
            this.decisionWords = decisionWords;
            this.receiptMailWord = receiptMailWord;
        }
    }

    private static final String GATEWAY = System.getenv().getOrDefault("HUDUMA_GATEWAY_URL", "http://localhost:8080");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Duration SMS_WAIT = Duration.ofSeconds(60);

    private final JsonHttp gateway = new JsonHttp(GATEWAY);

    @ParameterizedTest
    @EnumSource(Speaker.class)
    void aCitizenSignsUpAppliesAndFollowsTheApplicationToADecisionInTheirLanguage(Speaker speaker) {
        JourneyLog log = new JourneyLog("citizen-" + speaker.language);
        String local = speaker.prefix + " " + digits(3) + " " + digits(3);
        String e164 = "+255" + local.substring(1).replace(" ", "");
        String email = speaker.name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "." + digits(5) + "@example.co.tz";
        String password = speaker.name.replace(' ', '-') + "-" + digits(4) + "!";

        // sign up with the number as people write it, and the code sent by SMS
        ObjectNode signUp = JsonHttp.JSON.createObjectNode().put("phoneNumber", local).put("fullName", speaker.name)
                .put("password", password).put("language", speaker.language);
        JsonHttp.Response started = log.step("sign up with " + local, gateway.post("/api/v1/identity/registrations", null, signUp));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.body().path("phoneNumber").asString()).isEqualTo(e164);
        Inbox.Sms codeSms = Inbox.awaitSms(sms -> sms.destination().endsWith(e164.substring(1)), SMS_WAIT);
        log.received("SMS", e164, codeSms.text());
        Matcher code = CODE.matcher(codeSms.text());
        assertThat(code.find()).as("a 6-digit code in %s", codeSms.text()).isTrue();

        JsonHttp.Response verified = log.step("verify the phone with the code",
                gateway.post("/api/v1/identity/registrations/" + started.body().path("id").asString() + "/verification",
                        null, Map.of("code", code.group(1))));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(201);
        String citizen = Tokens.forUserWithPassword(e164, password);
        JsonHttp.Response me = log.step("sign in and read my profile", gateway.get("/api/v1/identity/me", citizen));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.body().path("phoneNumber").asString()).isEqualTo(e164);
        // an email given at sign-up must be verified before a password sign-in (the realm's verifyEmail):
        // this citizen adds one to the profile once signed in, for the notifications
        JsonHttp.Response withEmail = log.step("add an email to my profile", gateway.patch("/api/v1/identity/me", citizen,
                java.util.Map.of("email", email)));
        assertThat(withEmail.status()).as(withEmail.toString()).isEqualTo(200);

        // find the service in Swahili
        JsonHttp.Response found = log.step("search \"" + speaker.query.replace("%20", " ") + "\"", gateway.get(
                "/api/v1/services?q=" + speaker.query + "&agency=brela", null, Map.of("Accept-Language", speaker.language)));
        assertThat(found.status()).isEqualTo(200);
        JsonNode service = first(found.body().path("items"), "business-licence");
        log.note("found: " + service.path("name").asString());

        // apply, and retry on a bad network with the same key: one application
        String key = UUID.randomUUID().toString();
        ObjectNode application = JsonHttp.JSON.createObjectNode().put("serviceId", service.path("id").asString())
                .put("channel", "web");
        application.putObject("answers").put("registrationNumber", "BN-" + digits(6)).put("tin", digits(9))
                .put("premisesAddress", "Mtaa wa Samora, Dar es Salaam");
        JsonHttp.Response submitted = gateway.post("/api/v1/requests", citizen, application, Map.of("Idempotency-Key", key));
        String tracking = submitted.body().path("trackingNumber").asString();
        log.step("apply (Idempotency-Key " + key.substring(0, 8) + "...)", submitted, tracking);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        JsonHttp.Response again = gateway.post("/api/v1/requests", citizen, application, Map.of("Idempotency-Key", key));
        JsonHttp.Response retried = log.step("apply again with the same key", again, replayed(again));
        assertThat(retried.body().path("id").asString()).isEqualTo(submitted.body().path("id").asString());
        String id = submitted.body().path("id").asString();
        JsonHttp.Response mine = log.step("list my requests", gateway.get("/api/v1/requests", citizen));
        assertThat(mine.body().path("items").findValuesAsString("id").stream().filter(id::equals)).hasSize(1);

        Inbox.Sms receipt = Inbox.awaitSms(sms -> sms.destination().endsWith(e164.substring(1))
                && sms.text().contains(tracking), SMS_WAIT);
        log.received("SMS", e164, receipt.text());
        assertThat(receipt.text()).as("the receipt in the citizen's language").containsIgnoringCase(speaker.receiptMailWord);
        Inbox.Mail receiptMail = Inbox.awaitMail(mail -> mail.to().contains(email) && mail.subject().contains(tracking), SMS_WAIT);
        log.received("email", email, receiptMail.subject());
        assertThat(receiptMail.subject() + " " + receiptMail.body()).containsIgnoringCase(speaker.receiptMailWord);

        // the officer of the agency finds it and asks for more information
        String officer = Tokens.forUser("officer.brela");
        JsonHttp.Response queue = log.step("officer.brela opens the queue",
                gateway.get("/api/v1/requests/queue?status=SUBMITTED&size=100", officer));
        assertThat(queue.body().path("items").findValuesAsString("id")).contains(id);
        JsonHttp.Response opened = log.step("officer.brela opens the request", gateway.get("/api/v1/requests/" + id, officer));
        String note = speaker.question;
        JsonHttp.Response inReview = officerMoves(log, officer, id, opened, "IN_REVIEW", null);
        JsonHttp.Response needsInfo = officerMoves(log, officer, id, inReview, "NEEDS_INFO", note);
        assertThat(needsInfo.body().path("status").asString()).isEqualTo("NEEDS_INFO");
        Inbox.Sms asked = Inbox.awaitSms(sms -> sms.destination().endsWith(e164.substring(1))
                && sms.text().contains(tracking) && sms.text().contains(speaker.questionWord), SMS_WAIT);
        log.received("SMS", e164, asked.text());

        // the citizen answers; the officer approves, then completes with the licence number
        JsonHttp.Response answered = log.step("citizen responds", gateway.post("/api/v1/requests/" + id + "/responses",
                citizen, Map.of("answers", application.get("answers"), "note", speaker.response)));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        JsonHttp.Response current = gateway.get("/api/v1/requests/" + id, officer);
        if (!"IN_REVIEW".equals(current.body().path("status").asString())) {
            current = officerMoves(log, officer, id, current, "IN_REVIEW", null);
        }
        JsonHttp.Response approved = officerMoves(log, officer, id, current, "APPROVED", speaker.approval);
        JsonHttp.Response completed = officerMoves(log, officer, id, approved, "COMPLETED", null, "BL-2026-" + digits(5));
        assertThat(completed.body().path("status").asString()).isEqualTo("COMPLETED");
        for (String word : speaker.decisionWords) {
            Inbox.Sms decided = Inbox.awaitSms(sms -> sms.destination().endsWith(e164.substring(1))
                    && sms.text().contains(tracking) && sms.text().contains(word), SMS_WAIT);
            log.received("SMS", e164, decided.text());
        }

        // the timeline shows each step and each time staff opened the request
        JsonHttp.Response timeline = log.step("citizen reads the timeline", gateway.get("/api/v1/requests/" + id + "/timeline", citizen));
        assertThat(timeline.status()).isEqualTo(200);
        List<String> statuses = timeline.body().findValuesAsString("toStatus");
        log.note("timeline: " + statuses + ", kinds " + timeline.body().findValuesAsString("kind"));
        assertThat(statuses).containsSubsequence("SUBMITTED", "IN_REVIEW", "NEEDS_INFO", "APPROVED", "COMPLETED");
        assertThat(timeline.body().findValuesAsString("kind")).anySatisfy(kind -> assertThat(kind).containsIgnoringCase("ACCESS"));

        // the open statistics count decisions per service and month once a cell has 5 requests (below that it is
        // suppressed): decide more of them until the cell shows, then one more decision is counted in it
        String serviceId = service.path("id").asString();
        Integer shown = decidedShown(serviceId, citizen);
        if (shown == null) {
            // suppressed: 1 to 4 decided so far; 5 more make the cell certain to show
            for (int more = 0; more < Takwimu.MIN_CELL; more++) {
                decideAnother(log, citizen, officer, application, speaker);
            }
            shown = awaitDecidedShown(serviceId, citizen, null, Duration.ofSeconds(60));
        }
        assertThat(shown).as("the decided cell of %s is shown once 5 are decided", serviceId).isNotNull()
                .isGreaterThanOrEqualTo(Takwimu.MIN_CELL);
        log.note("open statistics: " + shown + " decided for this service this month");
        decideAnother(log, citizen, officer, application, speaker);
        Integer after = awaitDecidedShown(serviceId, citizen, shown, Duration.ofSeconds(60));
        log.step("open statistics count one more decision", gateway.get("/api/v1/open-data/requests?agency=brela", citizen),
                shown + " -> " + after);
        assertThat(after).isEqualTo(shown + 1);

        // another citizen never sees it
        assertThat(log.step("another citizen asks for it", gateway.get("/api/v1/requests/" + id,
                Tokens.forUser("citizen.juma"))).status()).isEqualTo(404);
    }

    /** Thresholds of the open statistics, as requests-service publishes them. */
    private static final class Takwimu {
        static final int MIN_CELL = 5;
    }

    /** One more application of the citizen, decided (approved) by the officer. */
    private void decideAnother(JourneyLog log, String citizen, String officer, ObjectNode application, Speaker speaker) {
        JsonHttp.Response submitted = gateway.post("/api/v1/requests", citizen, application,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String id = submitted.body().path("id").asString();
        log.step("apply once more", submitted, submitted.body().path("trackingNumber").asString());
        JsonHttp.Response inReview = officerMoves(log, officer, id, gateway.get("/api/v1/requests/" + id, officer), "IN_REVIEW", null);
        officerMoves(log, officer, id, inReview, "APPROVED", speaker.approval);
    }

    /** The decided count the open statistics show for the service in its latest month (null: suppressed or no row). */
    private Integer decidedShown(String serviceId, String citizen) {
        // public, read here with the citizen's token: the polling draws on her budget, not on the one
        // anonymous budget every journey from 127.0.0.1 shares
        JsonHttp.Response open = gateway.get("/api/v1/open-data/requests?agency=brela", citizen);
        assertThat(open.status()).as(open.toString()).isEqualTo(200);
        assertThat(open.body().path("suppressionThreshold").asInt()).isEqualTo(Takwimu.MIN_CELL);
        JsonNode latest = null;
        for (JsonNode row : open.body().path("rows")) {
            if (serviceId.equals(row.path("serviceId").asString())
                    && (latest == null || row.path("month").asString().compareTo(latest.path("month").asString()) > 0)) {
                latest = row;
            }
        }
        return latest == null || !latest.path("decided").isNumber() ? null : latest.path("decided").asInt();
    }

    /** Polls the open statistics (the local stack recomputes them every few seconds) until the count is not {@code before}. */
    private Integer awaitDecidedShown(String serviceId, String citizen, Integer before, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Integer shown = decidedShown(serviceId, citizen);
        while (java.util.Objects.equals(shown, before) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            shown = decidedShown(serviceId, citizen);
        }
        return shown;
    }

    private JsonHttp.Response officerMoves(JourneyLog log, String officer, String id, JsonHttp.Response seen, String to,
            String note) {
        return officerMoves(log, officer, id, seen, to, note, null);
    }

    private JsonHttp.Response officerMoves(JourneyLog log, String officer, String id, JsonHttp.Response seen, String to,
            String note, String outcome) {
        ObjectNode change = JsonHttp.JSON.createObjectNode().put("to", to).put("visibleToCitizen", note != null);
        if (note != null) {
            change.put("note", note);
        }
        if (outcome != null) {
            change.put("outcomeReference", outcome);
        }
        String etag = seen.header("ETag").orElseThrow(() -> new AssertionError("no ETag on " + seen));
        JsonHttp.Response moved = log.step("officer moves it to " + to, gateway.send("POST",
                "/api/v1/requests/" + id + "/status-changes", officer, Map.of("If-Match", etag), change));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        return moved;
    }

    private static JsonNode first(JsonNode items, String slug) {
        for (JsonNode item : items) {
            if (slug.equals(item.path("slug").asString())) {
                return item;
            }
        }
        throw new AssertionError("no " + slug + " among " + items);
    }

    private static String replayed(JsonHttp.Response response) {
        return response.body().path("trackingNumber").asString() + " (replayed: "
                + response.header("Idempotent-Replayed").orElse("?") + ")";
    }

    private static String digits(int n) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
