package io.huduma.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.Inbox;
import io.huduma.testkit.ProblemResponses;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.Test;

/** A platform admin lists, reads, edits and previews the templates; unusable ones are refused with 422. */
class TemplateIT extends NotificationsIT {

    private static final String BASE = "/api/v1/notifications/templates";
    private static final String COMPLETED_EN = BASE + "/request-status-changed.COMPLETED/sms/en";

    @Test
    void theShippedTemplatesAreListedPerKindChannelAndLanguage() {
        JsonHttp.Response list = http().get(BASE, token("admin.platform"));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().valueStream().map(t -> t.path("kind").asString() + "/" + t.path("channel").asString()
                + "/" + t.path("language").asString()))
                .contains("otp/sms/sw", "otp/sms/en", "request-submitted/sms/sw", "request-submitted/email/en",
                        "request-status-changed.NEEDS_INFO/sms/sw", "request-sla-breached/email/sw");
        JsonHttp.Response one = http().get(BASE + "/request-submitted/email/en", token("admin.platform"));
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("subject").asString()).isEqualTo("Application {{trackingNumber}} received");
        assertThat(one.body().path("html").asString()).contains("<strong>{{serviceName}}</strong>");
        assertThat(http().get(BASE + "/no-such-kind/sms/sw", token("admin.platform")).status()).isEqualTo(404);
    }

    @Test
    void anEditedTemplateIsUsedForTheNextMessage() {
        JsonHttp.Response edited = http().put(COMPLETED_EN, token("admin.platform"), Map.of(
                "body", "{{trackingNumber}} is ready: collect it at the {{serviceName}} desk."));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.body().path("version").asInt()).isGreaterThan(1);
        assertThat(edited.body().path("updatedBy").asString())
                .isEqualTo(Tokens.claims(token("admin.platform")).get("sub"));
        String phone = aPhone();
        String tracking = aTrackingNumber();
        statusChanged(aCitizen("en", phone, ""), tracking, "APPROVED", "COMPLETED", "");
        assertThat(Inbox.awaitSmsTo(phone).text())
                .isEqualTo(tracking + " is ready: collect it at the Business name registration desk.");
    }

    @Test
    void aPreviewShowsTheTextItsEncodingAndSegments() {
        JsonHttp.Response preview = http().post(BASE + "/request-submitted/sms/sw/preview", token("admin.platform"),
                Map.of("values", Map.of("trackingNumber", "HDM-2026-000001")));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.body().path("body").asString()).isEqualTo(
                "Ombi lako la Usajili wa jina la biashara limepokelewa. Namba ya ufuatiliaji: HDM-2026-000001.");
        assertThat(preview.body().path("encoding").asString()).isEqualTo("GSM7");
        assertThat(preview.body().path("segments").asInt()).isEqualTo(1);

        JsonHttp.Response unicode = http().post(BASE + "/request-submitted/sms/en/preview", token("admin.platform"),
                Map.of("body", "Ombi {{trackingNumber}} limepokelewa ✓"));
        assertThat(unicode.body().path("encoding").asString()).isEqualTo("UCS2");
    }

    @Test
    void unknownPlaceholdersAndTooLongTemplatesAreRefusedWith422AndChangeNothing() {
        JsonHttp.Response unknown = http().put(COMPLETED_EN, token("admin.platform"),
                Map.of("body", "Dear {{fullName}}, {{trackingNumber}} is done."));

        ProblemResponses.assertProblem(unknown.raw(), 422, "unprocessable");
        assertThat(unknown.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/body");
        assertThat(unknown.body().path("errors").get(0).path("message").asString()).contains("{{fullName}}");

        JsonHttp.Response tooLong = http().put(COMPLETED_EN, token("admin.platform"),
                Map.of("body", "{{trackingNumber}} ".repeat(25) + "x".repeat(100)));
        ProblemResponses.assertProblem(tooLong.raw(), 422, "unprocessable");
        assertThat(tooLong.body().path("errors").get(0).path("message").asString()).contains("segments");

        JsonHttp.Response broken = http().put(COMPLETED_EN, token("admin.platform"), Map.of("body", "{{#note}} open"));
        ProblemResponses.assertProblem(broken.raw(), 422, "unprocessable");

        JsonHttp.Response blank = http().put(COMPLETED_EN, token("admin.platform"), Map.of("body", " "));
        ProblemResponses.assertProblem(blank.raw(), 400, "validation-failed");

        JsonHttp.Response current = http().get(COMPLETED_EN, token("admin.platform"));
        assertThat(current.body().path("body").asString()).doesNotContain("fullName").doesNotContain("open");
    }

    @Test
    void onlyPlatformAdminsReachTemplates() {
        assertThat(http().get(BASE, token("citizen.amina")).status()).isEqualTo(403);
        assertThat(http().get(BASE, token("admin.brela")).status()).isEqualTo(403);
        assertThat(http().put(COMPLETED_EN, token("officer.brela"), Map.of("body", "x")).status()).isEqualTo(403);
        ProblemResponses.assertProblem(http().get(BASE, null).raw(), 401, "unauthenticated");
        ProblemResponses.assertRejectedToken(
                http().get(BASE, Tokens.tamperSignature(token("admin.platform"))).raw());
        ProblemResponses.assertRejectedToken(http().get(BASE, Tokens.algNone(token("admin.platform"))).raw());
    }
}
