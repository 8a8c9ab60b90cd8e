package io.huduma.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.TopicEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.identity.v1.CitizenRegistered;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.test.system.CapturedOutput;

/** Citizen sign-up with a phone code, against the real Keycloak, PostgreSQL and Kafka. */
class RegistrationIT extends IdentityIT {

    private static final String REGISTRATIONS = "/api/v1/identity/registrations";

    @Test
    void eachPhoneFormatSignsUpACitizenWhoCanThenSignInAndSeeTheirProfile(CapturedOutput output) {
        for (String format : List.of("0%s %s %s", "%s%s%s", "+255 %s %s %s")) {
            String phone = newPhone();
            String local = phone.substring(4);
            String typed = String.format(format, local.substring(0, 3), local.substring(3, 6), local.substring(6));

            JsonHttp.Response started = startSignUp(typed);
            assertThat(started.text("phoneNumber")).isEqualTo(phone);
            assertThat(Instant.parse(started.text("expiresAt")))
                    .isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
            assertThat(started.header("Location")).hasValue(REGISTRATIONS + "/" + started.text("id"));
            List<SendOtpDouble.Received> sent = SMS.to(phone);
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).hadBearerToken()).as("SendOtp carries identity's service token").isTrue();
            assertThat(sent.get(0).request().getPurpose()).isEqualTo("sign-up");
            assertThat(sent.get(0).request().getValidMinutes()).isEqualTo(5);
            String code = sent.get(0).request().getCode();
            assertThat(code).matches("\\d{6}");
            assertThat(realm().users().searchByUsername(phone, true)).as("no account before verification").isEmpty();

            JsonHttp.Response verified = http().post(REGISTRATIONS + "/" + started.text("id") + "/verification", null,
                    Map.of("code", code));
            assertThat(verified.status()).as("%s", verified).isEqualTo(201);
            assertThat(verified.text("phoneNumber")).isEqualTo(phone);
            String subject = verified.text("subject");
            forgetAfterClass(subject);

            UserRepresentation user = realm().users().get(subject).toRepresentation();
            assertThat(user.getUsername()).isEqualTo(phone);
            assertThat(user.getAttributes()).containsEntry("phone", List.of(phone)).containsEntry("language", List.of("sw"));
            assertThat(realm().users().get(subject).roles().realmLevel().listEffective())
                    .extracting(r -> r.getName()).contains("citizen");

            String token = tokenOf(phone, PASSWORD);
            assertThat(Tokens.claims(token).get("sub")).isEqualTo(subject);
            JsonHttp.Response me = http().get("/api/v1/identity/me", token);
            assertThat(me.status()).as("%s", me).isEqualTo(200);
            assertThat(me.text("phoneNumber")).isEqualTo(phone);
            assertThat(me.text("fullName")).isEqualTo("Asha Juma Mollel");

            assertThat(jdbc.sql("SELECT status FROM registrations WHERE id = ?::uuid").param(started.text("id"))
                    .query(String.class).single()).isEqualTo("VERIFIED");
            assertThat(jdbc.sql("SELECT password_hash FROM registrations WHERE id = ?::uuid").param(started.text("id"))
                    .query(String.class).optional()).isEmpty();

            List<EventEnvelope> events = TopicEvents.await(Topics.IDENTITY_ACCOUNTS, subject,
                    "huduma.identity.v1.CitizenRegistered", 1, Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            CitizenRegistered registered = EventEnvelopes.unpack(events.get(0), CitizenRegistered.class);
            assertThat(registered.getPhone()).isEqualTo(phone);
            assertThat(registered.getDisplayName()).isEqualTo("Asha Juma Mollel");
            assertThat(registered.getLanguage()).isEqualTo(Language.LANGUAGE_SW);

            assertNotStoredAnywhere(code);
            assertThat(output.getAll()).doesNotContain(code);
        }
    }

    @Test
    void aRetriedVerificationAnswersTheSameAndCreatesNothingTwice() {
        String phone = newPhone();
        String id = startSignUp(phone).text("id");
        String code = SMS.lastCodeTo(phone);

        JsonHttp.Response first = http().post(REGISTRATIONS + "/" + id + "/verification", null, Map.of("code", code));
        JsonHttp.Response again = http().post(REGISTRATIONS + "/" + id + "/verification", null, Map.of("code", code));

        assertThat(first.status()).isEqualTo(201);
        forgetAfterClass(first.text("subject"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("subject")).isEqualTo(first.text("subject"));
        assertThat(realm().users().searchByUsername(phone, true)).hasSize(1);
        assertThat(TopicEvents.await(Topics.IDENTITY_ACCOUNTS, first.text("subject"), "huduma.identity.v1.CitizenRegistered",
                2, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void fiveWrongCodesLockTheSignUp(CapturedOutput output) {
        String phone = newPhone();
        String id = startSignUp(phone).text("id");
        String code = SMS.lastCodeTo(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt <= 5; attempt++) {
            JsonHttp.Response refused = http().post(REGISTRATIONS + "/" + id + "/verification", null, Map.of("code", wrong));
            assertThat(refused.status()).as("attempt %d: %s", attempt, refused).isEqualTo(400);
            assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/code");
        }
        JsonHttp.Response rightButLocked = http().post(REGISTRATIONS + "/" + id + "/verification", null, Map.of("code", code));

        assertThat(rightButLocked.status()).as("%s", rightButLocked).isEqualTo(409);
        assertThat(jdbc.sql("SELECT status || ':' || failed_attempts FROM registrations WHERE id = ?::uuid").param(id)
                .query(String.class).single()).isEqualTo("LOCKED:5");
        assertThat(http().post(REGISTRATIONS + "/" + id + "/code", null, null, fromNewAddress()).status()).isEqualTo(409);
        assertThat(realm().users().searchByUsername(phone, true)).isEmpty();
        assertNotStoredAnywhere(code);
        assertThat(output.getAll()).doesNotContain(code);
    }

    @Test
    void anExpiredCodeIsRefusedAndCreatesNoAccount() {
        String phone = newPhone();
        String id = startSignUp(phone).text("id");
        String code = SMS.lastCodeTo(phone);
        jdbc.sql("UPDATE registrations SET code_expires_at = now() - interval '1 second' WHERE id = ?::uuid").param(id).update();

        JsonHttp.Response refused = http().post(REGISTRATIONS + "/" + id + "/verification", null, Map.of("code", code));

        assertThat(refused.status()).as("%s", refused).isEqualTo(422);
        assertThat(refused.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/code");
        assertThat(realm().users().searchByUsername(phone, true)).isEmpty();
    }

    @Test
    void resendsAreThrottledToOneAMinuteAndFiveAnHour() {
        String phone = newPhone();
        String id = startSignUp(phone).text("id");
        String firstCode = SMS.lastCodeTo(phone);

        JsonHttp.Response tooSoon = http().post(REGISTRATIONS + "/" + id + "/code", null, null, fromNewAddress());
        assertThat(tooSoon.status()).as("%s", tooSoon).isEqualTo(429);
        assertThat(Long.parseLong(tooSoon.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(SMS.to(phone)).hasSize(1);

        for (int resend = 2; resend <= 5; resend++) {
            jdbc.sql("UPDATE code_sends SET sent_at = sent_at - interval '61 seconds' WHERE phone = ?").param(phone).update();
            JsonHttp.Response again = http().post(REGISTRATIONS + "/" + id + "/code", null, null, fromNewAddress());
            assertThat(again.status()).as("resend %d: %s", resend, again).isEqualTo(202);
            assertThat(SMS.to(phone)).hasSize(resend);
        }
        jdbc.sql("UPDATE code_sends SET sent_at = sent_at - interval '61 seconds' WHERE phone = ?").param(phone).update();
        JsonHttp.Response sixth = http().post(REGISTRATIONS + "/" + id + "/code", null, null, fromNewAddress());
        assertThat(sixth.status()).as("%s", sixth).isEqualTo(429);
        assertThat(Long.parseLong(sixth.header("Retry-After").orElseThrow())).isGreaterThan(60L);
        assertThat(SMS.to(phone)).hasSize(5);

        String lastCode = SMS.lastCodeTo(phone);
        if (!lastCode.equals(firstCode)) {
            JsonHttp.Response old = http().post(REGISTRATIONS + "/" + id + "/verification", null, Map.of("code", firstCode));
            assertThat(old.status()).as("a replaced code no longer works").isEqualTo(400);
        }
        JsonHttp.Response verified = http().post(REGISTRATIONS + "/" + id + "/verification", null, Map.of("code", lastCode));
        assertThat(verified.status()).as("%s", verified).isEqualTo(201);
        forgetAfterClass(verified.text("subject"));
    }

    @Test
    void signUpStartsFromOneAddressAreLimited() {
        Map<String, String> address = fromNewAddress();
        for (int i = 0; i < 5; i++) {
            JsonHttp.Response started = http().post(REGISTRATIONS, null, signUpForm(newPhone()), address);
            assertThat(started.status()).as("%s", started).isEqualTo(201);
        }
        String phone = newPhone();
        JsonHttp.Response refused = http().post(REGISTRATIONS, null, signUpForm(phone), address);

        assertThat(refused.status()).as("%s", refused).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(SMS.to(phone)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM registrations WHERE phone = ?").param(phone).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aNumberWithAnAccountGetsAConflictThatNamesNoOne() {
        String phone = newPhone();
        signedUpCitizen(phone);
        int sentBefore = SMS.to(phone).size();

        JsonHttp.Response again = http().post(REGISTRATIONS, null, signUpForm("0" + phone.substring(4)), fromNewAddress());

        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.raw().body()).doesNotContain("Asha").doesNotContain("Mollel");
        assertThat(SMS.to(phone)).hasSize(sentBefore);
    }

    @Test
    void invalidAndNonMobileNumbersAreRefusedNamingTheField() {
        for (String bad : List.of("12345", "0222 111 111", "not a number", "+255 712 345")) {
            JsonHttp.Response refused = http().post(REGISTRATIONS, null, signUpForm(bad), fromNewAddress());

            assertThat(refused.status()).as("%s: %s", bad, refused).isEqualTo(400);
            assertThat(refused.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/phoneNumber");
        }
        JsonHttp.Response shortPassword = http().post(REGISTRATIONS, null,
                Map.of("phoneNumber", newPhone(), "fullName", "Asha", "password", "short"), fromNewAddress());
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/password");
        JsonHttp.Response commonPassword = http().post(REGISTRATIONS, null,
                Map.of("phoneNumber", newPhone(), "fullName", "Asha", "password", "Tanzania@2026"), fromNewAddress());
        assertThat(commonPassword.status()).as("%s", commonPassword).isEqualTo(400);
        assertThat(commonPassword.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/password");
        assertThat(commonPassword.body().path("errors").get(0).path("message").asString()).contains("common");
        assertThat(jdbc.sql("SELECT count(*) FROM registrations WHERE full_name = 'Asha'").query(Integer.class).single()).isZero();
    }

    @Test
    void whenTheCodeCannotBeSentNothingIsKeptAndARetryWorks() {
        String phone = newPhone();
        SMS.refuse(phone);

        JsonHttp.Response refused = http().post(REGISTRATIONS, null, signUpForm(phone), fromNewAddress());

        assertThat(refused.status()).as("%s", refused).isEqualTo(503);
        assertThat(jdbc.sql("SELECT count(*) FROM registrations WHERE phone = ?").param(phone).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM code_sends WHERE phone = ?").param(phone).query(Integer.class).single()).isZero();
    }

    @Test
    void unknownSignUpsAreNotFound() {
        JsonHttp.Response missing = http().post(REGISTRATIONS + "/" + java.util.UUID.randomUUID() + "/verification", null,
                Map.of("code", "123456"));
        assertThat(missing.status()).isEqualTo(404);
    }
}
