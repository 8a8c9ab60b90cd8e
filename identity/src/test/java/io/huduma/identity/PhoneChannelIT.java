package io.huduma.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.Channel;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.identity.v1.CitizenRegistered;
import io.huduma.contracts.identity.v1.FindCitizenByPhoneRequest;
import io.huduma.contracts.identity.v1.FindCitizenByPhoneResponse;
import io.huduma.contracts.identity.v1.IdentityServiceGrpc;
import io.huduma.contracts.identity.v1.RegisterCitizenByPhoneRequest;
import io.huduma.contracts.identity.v1.RegisterCitizenByPhoneResponse;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.GrpcCalls;
import io.huduma.testkit.Tokens;
import io.huduma.testkit.TopicEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The USSD channel's rpcs: the account behind an operator-verified phone, and registering one without a password. */
class PhoneChannelIT extends IdentityIT {

    private static final String NEW_PASSWORD = "Serengeti#2027!";
    private ManagedChannel channel;

    @AfterEach
    void close() {
        if (channel != null) {
            channel.shutdownNow();
        }
    }

    @Test
    void ussdRegistersAPhoneOnceWithTheVerifiedNumberAndNoPasswordUntilTheCitizenSetsOne() {
        String phone = newPhone();
        RegisterCitizenByPhoneRequest request = RegisterCitizenByPhoneRequest.newBuilder().setPhone(phone)
                .setFullName("  Neema   Said Mushi ").setLanguage(Language.LANGUAGE_EN).build();

        RegisterCitizenByPhoneResponse created = identity(Tokens.serviceToken("ussd-service")).registerCitizenByPhone(request);
        forgetAfterClass(created.getSubject());
        RegisterCitizenByPhoneResponse retry = identity(Tokens.serviceToken("ussd-service")).registerCitizenByPhone(request);

        assertThat(created.getCreated()).isTrue();
        assertThat(retry.getCreated()).isFalse();
        assertThat(retry.getSubject()).isEqualTo(created.getSubject());
        UserRepresentation user = realm().users().get(created.getSubject()).toRepresentation();
        assertThat(user.getUsername()).isEqualTo(phone);
        assertThat(user.getFirstName() + " " + user.getLastName()).isEqualTo("Neema Said Mushi");
        assertThat(user.getAttributes()).containsEntry("phone", List.of(phone)).containsEntry("language", List.of("en"));
        assertThat(realm().users().get(created.getSubject()).roles().realmLevel().listEffective())
                .extracting(RoleRepresentation::getName).contains("citizen");

        List<EventEnvelope> events = TopicEvents.await(Topics.IDENTITY_ACCOUNTS, created.getSubject(),
                "huduma.identity.v1.CitizenRegistered", 1, Duration.ofSeconds(20));
        CitizenRegistered registered = EventEnvelopes.unpack(events.get(0), CitizenRegistered.class);
        assertThat(registered.getPhone()).isEqualTo(phone);
        assertThat(registered.getDisplayName()).isEqualTo("Neema Said Mushi");
        assertThat(registered.getLanguage()).isEqualTo(Language.LANGUAGE_EN);
        assertThat(registered.getWithoutPassword()).isTrue();
        assertThat(registered.getChannel()).isEqualTo(Channel.CHANNEL_USSD);

        FindCitizenByPhoneResponse found = identity(Tokens.serviceToken("ussd-service"))
                .findCitizenByPhone(FindCitizenByPhoneRequest.newBuilder().setPhone("0" + phone.substring(4)).build());
        assertThat(found.getSubject()).isEqualTo(created.getSubject());
        assertThat(found.getDisplayName()).isEqualTo("Neema Said Mushi");
        assertThat(found.getLanguage()).isEqualTo(Language.LANGUAGE_EN);

        // the web's password reset gives the account its first password, with a code to the same phone
        JsonHttp.Response started = http().post("/api/v1/identity/password-resets", null, Map.of("phoneNumber", phone),
                fromNewAddress());
        assertThat(started.status()).as("%s", started).isEqualTo(202);
        JsonHttp.Response done = http().post("/api/v1/identity/password-resets/" + started.text("id") + "/verification", null,
                Map.of("code", SMS.lastCodeTo(phone), "newPassword", NEW_PASSWORD));
        assertThat(done.status()).as("%s", done).isEqualTo(204);
        assertThat(Tokens.claims(tokenOf(phone, NEW_PASSWORD)).get("sub")).isEqualTo(created.getSubject());
    }

    @Test
    void findsTheAccountOfAWebSignUpByItsPhone() {
        String phone = newPhone();
        String subject = signedUpCitizen(phone);

        FindCitizenByPhoneResponse found = identity(Tokens.serviceToken("ussd-service"))
                .findCitizenByPhone(FindCitizenByPhoneRequest.newBuilder().setPhone(phone).build());
        assertThat(found.getSubject()).isEqualTo(subject);
        assertThat(found.getDisplayName()).isEqualTo("Asha Juma Mollel");
        assertThat(found.getLanguage()).isEqualTo(Language.LANGUAGE_SW);

        RegisterCitizenByPhoneResponse again = identity(Tokens.serviceToken("ussd-service")).registerCitizenByPhone(
                RegisterCitizenByPhoneRequest.newBuilder().setPhone(phone).setFullName("Someone Else").build());
        assertThat(again.getCreated()).as("the number has an account: it is answered, not taken").isFalse();
        assertThat(again.getSubject()).isEqualTo(subject);

        assertStatus(() -> identity(Tokens.serviceToken("ussd-service"))
                .findCitizenByPhone(FindCitizenByPhoneRequest.newBuilder().setPhone(newPhone()).build()), Status.Code.NOT_FOUND);
        assertStatus(() -> identity(Tokens.serviceToken("ussd-service"))
                .findCitizenByPhone(FindCitizenByPhoneRequest.newBuilder().setPhone("12ab").build()), Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void onlyUssdServiceMayCallAndBadInputCreatesNothing() {
        String phone = newPhone();
        RegisterCitizenByPhoneRequest request = RegisterCitizenByPhoneRequest.newBuilder().setPhone(phone)
                .setFullName("Juma Ali").build();
        assertStatus(() -> identity(Tokens.serviceToken("notifications-service")).registerCitizenByPhone(request),
                Status.Code.PERMISSION_DENIED);
        assertStatus(() -> identity(Tokens.serviceToken("notifications-service"))
                .findCitizenByPhone(FindCitizenByPhoneRequest.newBuilder().setPhone(phone).build()), Status.Code.PERMISSION_DENIED);
        assertStatus(() -> identity(Tokens.forUser(io.huduma.testkit.DemoUsers.PLATFORM_ADMIN)).registerCitizenByPhone(request),
                Status.Code.PERMISSION_DENIED);
        assertStatus(() -> identity(null).registerCitizenByPhone(request), Status.Code.UNAUTHENTICATED);
        assertStatus(() -> identity(Tokens.tamperSignature(Tokens.serviceToken("ussd-service"))).registerCitizenByPhone(request),
                Status.Code.UNAUTHENTICATED);
        assertStatus(() -> identity(Tokens.serviceToken("ussd-service"))
                .registerCitizenByPhone(request.toBuilder().setFullName("J").build()), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> identity(Tokens.serviceToken("ussd-service"))
                .registerCitizenByPhone(request.toBuilder().setPhone("+25522123").build()), Status.Code.INVALID_ARGUMENT);

        assertThat(realm().users().searchByUsername(phone, true)).as("no account was made").isEmpty();
    }

    private IdentityServiceGrpc.IdentityServiceBlockingStub identity(String token) {
        if (channel == null) {
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        }
        return GrpcCalls.withToken(IdentityServiceGrpc.newBlockingStub(channel), token, Duration.ofSeconds(20));
    }

    private static void assertStatus(Runnable call, Status.Code expected) {
        assertThat(GrpcCalls.statusOf(call)).isEqualTo(expected);
    }
}
