package io.huduma.ussd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.huduma.ussd.UssdSession.Reply;
import io.huduma.ussd.session.PlayingSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The callback contract around the menu: who may call, what a bad callback gets, and sessions that end or expire. */
class AggregatorIT extends UssdIT {

    @Autowired
    PlayingSessions sessions;

    Map<String, String> callback(String sessionId, String phone, String text) {
        return Map.of("sessionId", sessionId, "serviceCode", "*152*00#", "phoneNumber", phone, "text", text);
    }

    @Test
    void aCallerWithoutTheAggregatorsKeyIsRefusedAndNothingChanges() {
        for (Map<String, String> headers : java.util.List.of(Map.<String, String>of(), Map.of("X-Ussd-Key", "wrong-key-0123456"),
                Map.of("X-Ussd-Key", KEY + "x"))) {
            Reply reply = UssdSession.post(port, callback("refused-" + headers.size(), aPhone(), ""), headers);
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("text/plain");
            assertThat(reply.body()).isEqualTo("END Ombi halikuruhusiwa. / Not allowed.");
            assertThat(liveSessions("refused-" + headers.size())).isZero();
        }
    }

    @Test
    void anAddressOffTheAllowListIsRefusedEvenWithTheKey() {
        Reply refused = UssdSession.post(port, callback("far-away", aPhone(), ""),
                Map.of("X-Ussd-Key", KEY, "X-Forwarded-For", "203.0.113.7"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).startsWith("END ");
        assertThat(liveSessions("far-away")).isZero();

        // a caller that writes an allowed address in front of its own is still itself
        Reply spoofed = UssdSession.post(port, callback("spoofed", aPhone(), ""),
                Map.of("X-Ussd-Key", KEY, "X-Forwarded-For", "127.0.0.1, 203.0.113.7"));
        assertThat(spoofed.status()).isEqualTo(403);

        // forwarded by the trusted proxies (the gateway) for an allowed address
        Reply allowed = UssdSession.post(port, callback("via-gateway", aPhone(), ""),
                Map.of("X-Ussd-Key", KEY, "X-Forwarded-For", "127.0.0.1, 127.0.0.1"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).startsWith("CON Karibu Huduma");
    }

    @Test
    void theSameContractAsJson() {
        String phone = aPhone();
        Reply first = UssdSession.send(port, "application/json", """
                {"sessionId":"json-1","serviceCode":"*152*00#","phoneNumber":"%s","text":""}""".formatted(phone),
                Map.of("X-Ussd-Key", KEY));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/plain");
        assertThat(first.body()).startsWith("CON Karibu Huduma");
        Reply second = UssdSession.send(port, "application/json", """
                {"sessionId":"json-1","serviceCode":"*152*00#","phoneNumber":"%s","text":"5"}""".formatted(phone),
                Map.of("X-Ussd-Key", KEY));
        assertThat(second.body()).startsWith("CON Chagua lugha");
    }

    @Test
    void aBadCallbackGetsAShortEndAndNoSession() {
        Reply noPhone = UssdSession.post(port, Map.of("sessionId", "bad-1", "serviceCode", "*152*00#", "text", ""), Map.of("X-Ussd-Key", KEY));
        assertThat(noPhone.status()).isEqualTo(400);
        assertThat(noPhone.body()).isEqualTo("END Ombi si sahihi. / Bad request.");
        Reply badPhone = UssdSession.post(port, callback("bad-2", "12ab", ""), Map.of("X-Ussd-Key", KEY));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body()).startsWith("END Namba ya simu si sahihi.");
        assertThat(liveSessions("bad-1") + liveSessions("bad-2")).isZero();
    }

    @Test
    void aTanzanianNumberWithoutThePlusIsTheSameCaller() {
        String phone = aPhone();
        STAND_INS.identity.add(phone, "Asha Ali", io.huduma.contracts.common.v1.Language.LANGUAGE_EN);
        Reply reply = UssdSession.post(port, callback("local-format", "0" + phone.substring(4), ""), Map.of("X-Ussd-Key", KEY));
        assertThat(reply.body()).as("found by its E.164 form, in the account's language").startsWith("CON Welcome to Huduma");
    }

    @Test
    void anotherPhoneCannotContinueASession() {
        UssdSession session = dial(aPhone());
        session.start();
        Reply hijack = UssdSession.post(port, callback(session.sessionId, aPhone(), "5"), Map.of("X-Ussd-Key", KEY));
        assertThat(hijack.body()).isEqualTo("END Kikao si chako. / Not your session.");
        assertThat(session.press("5").body()).as("the session goes on for its own phone").startsWith("CON Chagua lugha");
    }

    @Test
    void aSessionIdlePastTheTimeoutIsOverAndDeleted() {
        UssdSession session = dial(aPhone());
        session.start();
        session.press("1");
        assertThat(liveSessions(session.sessionId)).isOne();
        String state = jdbc.sql("SELECT state::text FROM ussd_session WHERE session_id = ?").param(session.sessionId)
                .query(String.class).single();
        assertThat(state).contains("AGENCIES");

        jdbc.sql("UPDATE ussd_session SET expires_at = now() - interval '1 second' WHERE session_id = ?")
                .param(session.sessionId).update();
        assertThat(session.press("1").body()).isEqualTo("END Kikao kimekwisha. Piga tena. / The session is over. Dial again.");
        assertThat(sessions.purgeExpired()).isPositive();
        assertThat(liveSessions(session.sessionId)).isZero();
    }

    @Test
    void anEndedSessionKeepsNothing() {
        String phone = aPhone();
        String tracking = STAND_INS.requests.addExisting("someone-" + phone, phone);
        UssdSession session = dial(phone);
        session.start();
        session.press("3");
        assertThat(jdbc.sql("SELECT count(*) FROM ussd_session WHERE phone = ?").param(phone).query(Long.class).single()).isOne();

        assertThat(session.press(tracking).ends()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM ussd_session WHERE phone = ?").param(phone).query(Long.class).single())
                .as("the phone and inputs are gone with the session").isZero();
    }
}
