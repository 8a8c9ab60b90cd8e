package io.huduma.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huduma.testkit.JsonHttp;
import java.util.Map;

import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** Password recovery by a code to the phone, then sign-in with the new password at the real Keycloak. */
class PasswordResetIT extends IdentityIT {

    private static final String RESETS = "/api/v1/identity/password-resets";
    private static final String NEW_PASSWORD = "Serengeti#2027!";

    @Test
    void aCitizenResetsThePasswordWithTheCodeAndSignsInWithTheNewOne(CapturedOutput output) {
        String phone = newPhone();
        String subject = signedUpCitizen(phone);
        waitAMinuteFor(phone);

        JsonHttp.Response started = http().post(RESETS, null, Map.of("phoneNumber", "0" + phone.substring(4)), fromNewAddress());
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        String code = SMS.lastCodeTo(phone);
        assertThat(SMS.to(phone).get(SMS.to(phone).size() - 1).request().getPurpose()).isEqualTo("password-reset");
        String verification = RESETS + "/" + started.text("id") + "/verification";

        JsonHttp.Response weak = http().post(verification, null, Map.of("code", code, "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/newPassword");
        JsonHttp.Response common = http().post(verification, null, Map.of("code", code, "newPassword", "Password12345"));
        assertThat(common.status()).as("Keycloak's passwordBlacklist: %s", common).isEqualTo(400);
        assertThat(common.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/newPassword");
        JsonHttp.Response wrong = http().post(verification, null,
                Map.of("code", code.equals("000000") ? "111111" : "000000", "newPassword", NEW_PASSWORD));
        assertThat(wrong.status()).isEqualTo(400);

        JsonHttp.Response done = http().post(verification, null, Map.of("code", code, "newPassword", NEW_PASSWORD));

        assertThat(done.status()).as("%s", done).isEqualTo(204);
        assertThat(Tokens.claims(tokenOf(phone, NEW_PASSWORD)).get("sub")).isEqualTo(subject);
        assertThatThrownBy(() -> tokenOf(phone, PASSWORD)).as("the old password no longer works")
                .isInstanceOf(IllegalStateException.class);
        assertThat(http().post(verification, null, Map.of("code", code, "newPassword", NEW_PASSWORD)).status())
                .as("a code works once").isEqualTo(409);
        assertNotStoredAnywhere(code);
        assertThat(output.getAll()).doesNotContain(code).doesNotContain(NEW_PASSWORD);
    }

    @Test
    void anUnknownNumberGetsTheSameAnswerAndNoCode() {
        String unknown = newPhone();

        JsonHttp.Response started = http().post(RESETS, null, Map.of("phoneNumber", unknown), fromNewAddress());

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().propertyNames()).containsExactlyInAnyOrder("id", "expiresAt");
        assertThat(SMS.to(unknown)).isEmpty();
        for (String guess : new String[] {"123456", "654321"}) {
            JsonHttp.Response refused = http().post(RESETS + "/" + started.text("id") + "/verification", null,
                    Map.of("code", guess, "newPassword", NEW_PASSWORD));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/code");
        }
    }

    @Test
    void resetsAreThrottledLikeAnyCodeAndBadNumbersAreRefused() {
        String phone = newPhone();
        signedUpCitizen(phone);
        JsonHttp.Response tooSoon = http().post(RESETS, null, Map.of("phoneNumber", phone), fromNewAddress());
        assertThat(tooSoon.status()).as("the sign-up code went out moments ago").isEqualTo(429);
        assertThat(tooSoon.header("Retry-After")).isPresent();

        JsonHttp.Response bad = http().post(RESETS, null, Map.of("phoneNumber", "12"), fromNewAddress());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/phoneNumber");
    }
}
