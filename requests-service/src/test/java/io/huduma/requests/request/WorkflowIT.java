package io.huduma.requests.request;

import static io.huduma.requests.request.SubmissionIT.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.requests.v1.RequestStatusChanged;
import io.huduma.testkit.TopicEvents;
import io.huduma.testkit.JsonHttp;
import io.huduma.requests.RequestsIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The officer workflow, the citizen's follow-ups and the timeline, through the API with real tokens. */
class WorkflowIT extends RequestsIT {

    @Test
    void fromSubmissionToCompletionWithAQuestionToTheCitizen() throws Exception {
        UUID service = aBrelaService();
        UUID id = submitted(AMINA, service);
        String path = "/api/v1/requests/" + id;

        JsonHttp.Response queue = http().get("/api/v1/requests/queue?status=SUBMITTED&serviceId=" + service, token(OFFICER_BRELA));
        assertThat(queue.status()).isEqualTo(200);
        assertThat(ids(queue)).containsExactly(id.toString());
        assertThat(queue.body().path("items").get(0).path("citizenSubject").asString()).isEqualTo(subjectOf(AMINA));

        JsonHttp.Response assigned = http().post(path + "/assignment", token(OFFICER_BRELA), Map.of("assignee", "self"));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.body().path("assignee").asString()).isEqualTo(subjectOf(OFFICER_BRELA));
        assertThat(ids(http().get("/api/v1/requests/queue?assignee=me&serviceId=" + service, token(OFFICER_BRELA))))
                .containsExactly(id.toString());
        assertThat(ids(http().get("/api/v1/requests/queue?assignee=none&serviceId=" + service, token(OFFICER_BRELA)))).isEmpty();

        assertThat(move(OFFICER_BRELA, id, "IN_REVIEW", null, false, null).status()).isEqualTo(200);
        JsonHttp.Response asked = move(OFFICER_BRELA, id, "NEEDS_INFO", "Tafadhali weka idadi ya wafanyakazi", true, null);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body().path("status").asString()).isEqualTo("NEEDS_INFO");

        JsonHttp.Response mine = http().get(path, token(AMINA));
        assertThat(mine.body().path("status").asString()).isEqualTo("NEEDS_INFO");
        assertThat(mine.body().path("visibleNote").asString()).isEqualTo("Tafadhali weka idadi ya wafanyakazi");

        // a response that breaks the form changes nothing
        JsonHttp.Response bad = http().post(path + "/responses", token(AMINA),
                JsonHttp.JSON.readTree("{\"answers\":{\"employees\":-5}}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(pointers(bad)).containsExactly("/answers/employees");
        assertThat(http().get(path, token(AMINA)).body().path("status").asString()).isEqualTo("NEEDS_INFO");

        JsonHttp.Response answered = http().post(path + "/responses", token(AMINA),
                JsonHttp.JSON.readTree("{\"answers\":{\"employees\":12},\"note\":\"Wafanyakazi ni 12\"}"));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.body().path("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(answered.body().path("answers").path("employees").asInt()).isEqualTo(12);
        assertThat(answered.body().path("answers").path("businessName").asString()).isEqualTo("Mama Ntilie Foods");

        assertThat(move(OFFICER_BRELA, id, "APPROVED", "Imeidhinishwa", true, null).status()).isEqualTo(200);
        JsonHttp.Response completed = move(OFFICER_BRELA, id, "COMPLETED", null, false, "BRELA-BN-2026-000123");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.body().path("outcomeReference").asString()).isEqualTo("BRELA-BN-2026-000123");
        assertThat(completed.body().path("decidedAt").isMissingNode()).isFalse();
        assertThat(completed.body().path("onTime").asBoolean()).isTrue();

        JsonHttp.Response timeline = http().get(path + "/timeline", token(AMINA));
        assertThat(timeline.status()).isEqualTo(200);
        List<String> kinds = timeline.body().valueStream().map(e -> e.path("kind").asString()).toList();
        assertThat(kinds).contains("SUBMITTED", "ACCESSED", "STATUS_CHANGED", "RESPONDED").doesNotContain("ASSIGNED");
        JsonNode access = timeline.body().valueStream().filter(e -> e.path("kind").asString().equals("ACCESSED")).findFirst().orElseThrow();
        assertThat(access.path("office").asString()).isEqualTo("brela");
        assertThat(access.has("actorSubject")).isFalse();
        assertThat(timeline.body().valueStream().filter(e -> e.path("kind").asString().equals("STATUS_CHANGED"))
                .map(e -> e.path("toStatus").asString()).toList())
                .containsExactly("IN_REVIEW", "NEEDS_INFO", "APPROVED", "COMPLETED");

        List<EventEnvelope> events = TopicEvents.await(Topics.REQUESTS, id.toString(), 6);
        assertThat(events).extracting(EventEnvelope::getType).containsExactly("huduma.requests.v1.RequestSubmitted",
                "huduma.requests.v1.RequestStatusChanged", "huduma.requests.v1.RequestStatusChanged",
                "huduma.requests.v1.RequestStatusChanged", "huduma.requests.v1.RequestStatusChanged",
                "huduma.requests.v1.RequestStatusChanged");
        RequestStatusChanged askedEvent = events.get(2).getData().unpack(RequestStatusChanged.class);
        assertThat(askedEvent.getFromStatus()).isEqualTo("IN_REVIEW");
        assertThat(askedEvent.getToStatus()).isEqualTo("NEEDS_INFO");
        assertThat(askedEvent.getVisibleNote()).isEqualTo("Tafadhali weka idadi ya wafanyakazi");
        assertThat(askedEvent.getCitizenSubject()).isEqualTo(subjectOf(AMINA));
        assertThat(askedEvent.getActorSubject()).isEqualTo(subjectOf(OFFICER_BRELA));
        assertThat(askedEvent.getServiceName().getEn()).isEqualTo("Business name registration 1");
        assertThat(askedEvent.getTrackingNumber()).isEqualTo(mine.body().path("trackingNumber").asString());
        RequestStatusChanged responded = events.get(3).getData().unpack(RequestStatusChanged.class);
        assertThat(responded.getToStatus()).isEqualTo("IN_REVIEW");
        assertThat(responded.getActorSubject()).isEmpty();
        RequestStatusChanged done = events.get(5).getData().unpack(RequestStatusChanged.class);
        assertThat(done.getOutcomeReference()).isEqualTo("BRELA-BN-2026-000123");
    }

    @Test
    void aDecisionNeedsIfMatchAndLosesToAnEarlierOne() {
        UUID id = submitted(AMINA, aBrelaService());
        String path = "/api/v1/requests/" + id + "/status-changes";
        String etag = http().get("/api/v1/requests/" + id, token(OFFICER_BRELA)).header("ETag").orElseThrow();
        ObjectNode review = JsonHttp.JSON.createObjectNode().put("to", "IN_REVIEW");

        JsonHttp.Response without = http().post(path, token(OFFICER_BRELA), review);
        assertThat(without.status()).isEqualTo(428);
        assertThat(without.contentType()).startsWith("application/problem+json");

        assertThat(http().post(path, token(OFFICER_BRELA), review, Map.of("If-Match", etag)).status()).isEqualTo(200);
        // a second officer who read the same version acts too late
        JsonHttp.Response second = http().post(path, token(OFFICER_BRELA),
                JsonHttp.JSON.createObjectNode().put("to", "APPROVED"), Map.of("If-Match", etag));
        assertThat(second.status()).isEqualTo(412);
        assertThat(http().get("/api/v1/requests/" + id, token(AMINA)).body().path("status").asString()).isEqualTo("IN_REVIEW");
    }

    @Test
    void movesTheWorkflowDoesNotHaveAre409AndChangeNothing() {
        UUID id = submitted(AMINA, aBrelaService());

        JsonHttp.Response approveUnread = move(OFFICER_BRELA, id, "APPROVED", null, false, null);
        assertThat(approveUnread.status()).isEqualTo(409);
        JsonHttp.Response withdrawByOfficer = move(OFFICER_BRELA, id, "WITHDRAWN", null, false, null);
        assertThat(withdrawByOfficer.status()).isEqualTo(409);
        JsonHttp.Response respondWhileSubmitted = http().post("/api/v1/requests/" + id + "/responses", token(AMINA),
                JsonHttp.JSON.readTree("{\"answers\":{\"employees\":1}}"));
        assertThat(respondWhileSubmitted.status()).isEqualTo(409);

        assertThat(move(OFFICER_BRELA, id, "IN_REVIEW", null, false, null).status()).isEqualTo(200);
        JsonHttp.Response rejectWithoutReason = move(OFFICER_BRELA, id, "REJECTED", null, false, null);
        assertThat(rejectWithoutReason.status()).isEqualTo(400);
        assertThat(pointers(rejectWithoutReason)).containsExactly("/note");
        JsonHttp.Response unknownStatus = move(OFFICER_BRELA, id, "LOST", null, false, null);
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(http().get("/api/v1/requests/" + id, token(AMINA)).body().path("status").asString()).isEqualTo("IN_REVIEW");
    }

    @Test
    void theCitizenWithdrawsBeforeADecisionButNotAfter() {
        UUID open = submitted(AMINA, aBrelaService());
        JsonHttp.Response withdrawn = http().post("/api/v1/requests/" + open + "/withdrawal", token(AMINA),
                Map.of("reason", "Nimebadilisha mawazo"));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(http().post("/api/v1/requests/" + open + "/withdrawal", token(AMINA), null).status()).isEqualTo(409);

        UUID decided = submitted(AMINA, aBrelaService());
        move(OFFICER_BRELA, decided, "IN_REVIEW", null, false, null);
        move(OFFICER_BRELA, decided, "REJECTED", "Jina tayari limesajiliwa", true, null);
        assertThat(http().post("/api/v1/requests/" + decided + "/withdrawal", token(AMINA), null).status()).isEqualTo(409);
    }

    @Test
    void internalNotesStayInTheAgencyVisibleOnesReachTheCitizen() {
        UUID id = submitted(AMINA, aBrelaService());
        String path = "/api/v1/requests/" + id;

        JsonHttp.Response internal = http().post(path + "/notes", token(OFFICER_BRELA),
                Map.of("text", "Angalia usajili wa zamani", "visibleToCitizen", false));
        assertThat(internal.status()).isEqualTo(201);
        assertThat(http().post(path + "/notes", token(ADMIN_BRELA),
                Map.of("text", "Tunashughulikia ombi lako", "visibleToCitizen", true)).status()).isEqualTo(201);
        assertThat(http().post(path + "/notes", token(OFFICER_BRELA), Map.of("text", " ")).status()).isEqualTo(400);

        List<String> citizenNotes = notes(http().get(path + "/timeline", token(AMINA)));
        List<String> staffNotes = notes(http().get(path + "/timeline", token(OFFICER_BRELA)));
        assertThat(citizenNotes).containsExactly("Tunashughulikia ombi lako");
        assertThat(staffNotes).containsExactly("Angalia usajili wa zamani", "Tunashughulikia ombi lako");
    }

    @Test
    void citizensFindTheirRequestsByTrackingNumberAndTyposAreCaughtBeforeLookup() {
        UUID id = submitted(AMINA, aBrelaService());
        String number = http().get("/api/v1/requests/" + id, token(AMINA)).body().path("trackingNumber").asString();

        JsonHttp.Response found = http().get("/api/v1/requests/by-tracking-number/" + number.toLowerCase(), token(AMINA));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("id").asString()).isEqualTo(id.toString());
        assertThat(http().get("/api/v1/requests/by-tracking-number/" + number, token(JUMA)).status()).isEqualTo(404);

        char last = number.charAt(number.length() - 1);
        String typo = number.substring(0, number.length() - 1) + (last == 'Z' ? 'Y' : 'Z');
        JsonHttp.Response mistyped = http().get("/api/v1/requests/by-tracking-number/" + typo, token(AMINA));
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(pointers(mistyped)).containsExactly("trackingNumber");
    }

    @Test
    void myRequestsAreListedNewestFirstAndPaginated() {
        UUID service = aBrelaService();
        UUID first = submitted(JUMA, service);
        UUID second = submitted(JUMA, service);

        JsonHttp.Response page = http().get("/api/v1/requests?size=1", token(JUMA));
        assertThat(page.status()).isEqualTo(200);
        assertThat(ids(page)).containsExactly(second.toString());
        assertThat(page.body().path("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(ids(http().get("/api/v1/requests?size=1&page=1", token(JUMA)))).containsExactly(first.toString());
        assertThat(http().get("/api/v1/requests?size=1000", token(JUMA)).status()).isEqualTo(400);
    }

    @Test
    void aReadAnswersNotModifiedToTheSameEtag() {
        UUID id = submitted(AMINA, aBrelaService());
        JsonHttp.Response read = http().get("/api/v1/requests/" + id, token(AMINA));

        JsonHttp.Response again = http().get("/api/v1/requests/" + id, token(AMINA),
                Map.of("If-None-Match", read.header("ETag").orElseThrow()));

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.header("ETag")).isEqualTo(read.header("ETag"));

        JsonHttp.Response list = http().get("/api/v1/requests", token(AMINA));
        String listEtag = list.header("ETag").orElseThrow();
        assertThat(http().get("/api/v1/requests", token(AMINA), Map.of("If-None-Match", listEtag)).status()).isEqualTo(304);
        submitted(AMINA, aBrelaService());
        assertThat(http().get("/api/v1/requests", token(AMINA), Map.of("If-None-Match", listEtag)).status()).isEqualTo(200);
    }

    static List<String> ids(JsonHttp.Response page) {
        return page.body().path("items").valueStream().map(r -> r.path("id").asString()).toList();
    }

    private static List<String> notes(JsonHttp.Response timeline) {
        return timeline.body().valueStream().filter(e -> e.path("kind").asString().equals("NOTE"))
                .map(e -> e.path("note").asString()).toList();
    }
}
