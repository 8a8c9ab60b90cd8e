package io.huduma.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.TopicEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.identity.v1.ContactChanged;
import io.huduma.contracts.identity.v1.GetContactRequest;
import io.huduma.contracts.identity.v1.GetContactResponse;
import io.huduma.contracts.identity.v1.IdentityServiceGrpc;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.testkit.DemoUsers;
import io.huduma.testkit.GrpcCalls;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** The caller's own profile (/me), phone change by code, and GetContact for the services that send messages. */
class ProfileIT extends IdentityIT {

    private static final String ME = "/api/v1/identity/me";
    private ManagedChannel channel;

    @AfterEach
    void closeChannel() {
        if (channel != null) {
            channel.shutdownNow();
        }
    }

    @Test
    void aServiceAccountTokenIsNoPersonAndIsRefusedOnMe() {
        String service = Tokens.serviceToken("notifications-service");

        assertThat(http().get(ME, service).status()).isEqualTo(403);
        assertThat(http().patch(ME, service, Map.of("language", "en")).status()).isEqualTo(403);
        assertThat(http().post(ME + "/phone-changes", service, Map.of("phoneNumber", newPhone())).status()).isEqualTo(403);
    }

    @Test
    void meNeedsAValidToken() {
        String citizen = Tokens.forUser(DemoUsers.CITIZEN_AMINA);

        assertThat(http().get(ME, null).status()).isEqualTo(401);
        assertThat(http().get(ME, Tokens.tamperSignature(citizen)).status()).isEqualTo(401);
        assertThat(http().get(ME, Tokens.algNone(citizen)).status()).isEqualTo(401);
        assertThat(http().get(ME, Tokens.tamperClaims(citizen, Map.of("sub", "someone-else"))).status()).isEqualTo(401);
    }

    @Test
    void staffAndDemoAccountsGetAProfileFromTheirAccount() {
        JsonHttp.Response me = http().get(ME, Tokens.forUser(DemoUsers.OFFICER_BRELA));

        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.text("fullName")).isEqualTo("Baraka Mushi");
        assertThat(me.text("email")).isEqualTo("officer.brela@huduma.test");
        assertThat(me.text("language")).isEqualTo("sw");
        assertThat(me.body().path("preferences").path("smsRequestUpdates").asBoolean()).isTrue();
    }

    @Test
    void aCitizenChangesNameLanguageEmailAndPreferencesAndContactChangedIsPublished() {
        String phone = newPhone();
        String subject = signedUpCitizen(phone);
        String token = tokenOf(phone, PASSWORD);
        String email = "asha." + phone.substring(7) + "@huduma.test";

        JsonHttp.Response changed = http().patch(ME, token, Map.of("fullName", "Asha Mollel", "language", "en", "email", email,
                "preferences", Map.of("smsReminders", false, "emailReminders", false)));

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.text("fullName")).isEqualTo("Asha Mollel");
        assertThat(changed.text("language")).isEqualTo("en");
        assertThat(changed.body().path("preferences").path("smsReminders").asBoolean()).isFalse();
        assertThat(changed.body().path("preferences").path("smsRequestUpdates").asBoolean()).isTrue();
        JsonHttp.Response again = http().get(ME, token);
        assertThat(again.text("email")).isEqualTo(email);
        assertThat(again.text("phoneNumber")).isEqualTo(phone);
        assertThat(realm().users().get(subject).toRepresentation().getAttributes()).containsEntry("language", List.of("en"));
        assertThat(realm().users().get(subject).toRepresentation().getEmail()).isEqualTo(email);

        List<EventEnvelope> events = TopicEvents.await(Topics.IDENTITY_ACCOUNTS, subject, "huduma.identity.v1.ContactChanged",
                1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        ContactChanged contact = EventEnvelopes.unpack(events.get(0), ContactChanged.class);
        assertThat(contact.getLanguage()).isEqualTo(Language.LANGUAGE_EN);
        assertThat(contact.getEmail()).isEqualTo(email);
        assertThat(contact.getPhone()).isEqualTo(phone);
        assertThat(contact.getSmsAllowed()).isTrue();
    }

    @Test
    void badProfileChangesAreRefusedNamingTheField() {
        String token = Tokens.forUser(DemoUsers.CITIZEN_JUMA);

        JsonHttp.Response phone = http().patch(ME, token, Map.of("phoneNumber", newPhone()));
        JsonHttp.Response language = http().patch(ME, token, Map.of("language", "fr"));
        JsonHttp.Response email = http().patch(ME, token, Map.of("email", "not-an-email"));

        assertThat(phone.status()).isEqualTo(400);
        assertThat(phone.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/phoneNumber");
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/language");
        assertThat(email.status()).isEqualTo(400);
        assertThat(http().get(ME, token).text("language")).isEqualTo("sw");
    }

    @Test
    void aNewPhoneNumberCountsOnlyWithTheCodeSentToIt(CapturedOutput output) {
        String phone = newPhone();
        String subject = signedUpCitizen(phone);
        String token = tokenOf(phone, PASSWORD);
        String newPhone = newPhone();

        JsonHttp.Response started = http().post(ME + "/phone-changes", token, Map.of("phoneNumber", "0" + newPhone.substring(4)),
                fromNewAddress());
        assertThat(started.status()).as("%s", started).isEqualTo(201);
        assertThat(started.text("phoneNumber")).isEqualTo(newPhone);
        String code = SMS.lastCodeTo(newPhone);
        assertThat(SMS.to(newPhone).get(0).request().getPurpose()).isEqualTo("phone-change");
        String path = ME + "/phone-changes/" + started.text("id") + "/verification";

        assertThat(http().post(path, Tokens.forUser(DemoUsers.CITIZEN_JUMA), Map.of("code", code)).status())
                .as("someone else's phone change").isEqualTo(404);
        assertThat(http().post(path, token, Map.of("code", code.equals("000000") ? "111111" : "000000")).status()).isEqualTo(400);
        assertThat(http().get(ME, token).text("phoneNumber")).isEqualTo(phone);

        JsonHttp.Response verified = http().post(path, token, Map.of("code", code));

        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        assertThat(verified.text("phoneNumber")).isEqualTo(newPhone);
        assertThat(realm().users().get(subject).toRepresentation().getUsername()).isEqualTo(newPhone);
        assertThat(Tokens.claims(tokenOf(newPhone, PASSWORD)).get("sub")).isEqualTo(subject);
        List<EventEnvelope> events = TopicEvents.await(Topics.IDENTITY_ACCOUNTS, subject, "huduma.identity.v1.ContactChanged",
                1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(EventEnvelopes.unpack(events.get(0), ContactChanged.class).getPhone()).isEqualTo(newPhone);
        assertNotStoredAnywhere(code);
        assertThat(output.getAll()).doesNotContain(code);
    }

    @Test
    void aNumberOfAnotherAccountCannotBeTaken() {
        String mine = newPhone();
        signedUpCitizen(mine);
        String theirs = newPhone();
        signedUpCitizen(theirs);

        JsonHttp.Response refused = http().post(ME + "/phone-changes", tokenOf(mine, PASSWORD), Map.of("phoneNumber", theirs),
                fromNewAddress());

        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(SMS.to(theirs)).hasSize(1);
    }

    @Test
    void getContactAnswersTheServicesThatMessagePeopleOnly() {
        String phone = newPhone();
        String subject = signedUpCitizen(phone);

        GetContactResponse contact = identity(Tokens.serviceToken("notifications-service"))
                .getContact(GetContactRequest.newBuilder().setSubject(subject).build());

        assertThat(contact.getPhone()).isEqualTo(phone);
        assertThat(contact.getDisplayName()).isEqualTo("Asha Juma Mollel");
        assertThat(contact.getLanguage()).isEqualTo(Language.LANGUAGE_SW);
        assertThat(contact.getSmsAllowed()).isTrue();
        assertThat(contact.getEmailAllowed()).isFalse();

        // consent is per category: request updates off stops request SMS even with reminders on
        JsonHttp.Response optedOut = http().patch(ME, tokenOf(phone, PASSWORD), Map.of("preferences",
                Map.of("smsRequestUpdates", false, "smsReminders", true)));
        assertThat(optedOut.status()).as("%s", optedOut).isEqualTo(200);
        assertThat(identity(Tokens.serviceToken("notifications-service"))
                .getContact(GetContactRequest.newBuilder().setSubject(subject).build()).getSmsAllowed()).isFalse();

        assertStatus(() -> identity(Tokens.serviceToken("service-catalog"))
                .getContact(GetContactRequest.newBuilder().setSubject(subject).build()), Status.Code.PERMISSION_DENIED);
        assertStatus(() -> identity(Tokens.forUser(DemoUsers.PLATFORM_ADMIN))
                .getContact(GetContactRequest.newBuilder().setSubject(subject).build()), Status.Code.PERMISSION_DENIED);
        assertStatus(() -> identity(null)
                .getContact(GetContactRequest.newBuilder().setSubject(subject).build()), Status.Code.UNAUTHENTICATED);
        assertStatus(() -> identity(Tokens.serviceToken("notifications-service"))
                .getContact(GetContactRequest.newBuilder().setSubject(java.util.UUID.randomUUID().toString()).build()),
                Status.Code.NOT_FOUND);
    }

    @Test
    void expiredSignUpsArePurgedByTheScheduledJob() {
        String phone = newPhone();
        String id = startSignUp(phone).text("id");
        jdbc.sql("UPDATE registrations SET expires_at = now() - interval '1 second' WHERE id = ?::uuid").param(id).update();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int left = 1;
        while (left > 0 && System.nanoTime() < deadline) {
            left = jdbc.sql("SELECT count(*) FROM registrations WHERE id = ?::uuid").param(id).query(Integer.class).single();
        }
        assertThat(left).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM shedlock WHERE name = 'identity-registration-purge'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(http().post("/api/v1/identity/registrations/" + id + "/verification", null,
                Map.of("code", SMS.lastCodeTo(phone))).status()).isEqualTo(404);
    }

    private IdentityServiceGrpc.IdentityServiceBlockingStub identity(String token) {
        if (channel == null) {
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        }
        return GrpcCalls.withToken(IdentityServiceGrpc.newBlockingStub(channel), token, Duration.ofSeconds(10));
    }

    private static void assertStatus(Runnable call, Status.Code expected) {
        assertThat(GrpcCalls.statusOf(call)).isEqualTo(expected);
    }
}
