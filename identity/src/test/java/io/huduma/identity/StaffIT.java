package io.huduma.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.TopicEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.huduma.contracts.Topics;
import io.huduma.contracts.catalog.v1.Agency;
import io.huduma.contracts.catalog.v1.AgencyChanged;
import io.huduma.contracts.catalog.v1.AgencyStatus;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.identity.v1.StaffAccountCreated;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.testkit.DemoUsers;
import io.huduma.testkit.Infra;
import io.huduma.testkit.Tokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Agency staff accounts and agency system clients, against the real Keycloak; GetAgency from the catalogue double. */
class StaffIT extends IdentityIT {

    private static String staff(String agency) {
        return "/api/v1/identity/agencies/" + agency + "/staff";
    }

    private static String clients(String agency) {
        return "/api/v1/identity/agencies/" + agency + "/clients";
    }

    private static String newAgency(AgencyStatus status) {
        String code = "it" + UUID.randomUUID().toString().substring(0, 6);
        CatalogDouble.INSTANCE.put(code, status);
        return code;
    }

    private static Map<String, Object> invitation(String email, String role) {
        return Map.of("email", email, "fullName", "Neema Test Kileo", "role", role);
    }

    private static String newEmail() {
        return "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@huduma.test";
    }

    @Test
    void aPlatformAdminCreatesAnAgencyAdminWhoSignsInWithTheAgencyClaim() {
        String agency = newAgency(AgencyStatus.AGENCY_STATUS_ACTIVE);
        String email = newEmail();

        JsonHttp.Response created = http().post(staff(agency), Tokens.forUser(DemoUsers.PLATFORM_ADMIN),
                invitation(email, "agency-admin"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String subject = created.text("subject");
        forgetAfterClass(subject);
        assertThat(created.text("agency")).isEqualTo(agency);
        assertThat(created.text("temporaryPassword")).hasSizeGreaterThanOrEqualTo(16);
        UserRepresentation user = realm().users().get(subject).toRepresentation();
        assertThat(user.getAttributes()).containsEntry("agency", List.of(agency));
        assertThat(user.getRequiredActions()).contains("UPDATE_PASSWORD", "CONFIGURE_TOTP");
        assertThat(realm().users().get(subject).groups()).extracting(g -> g.getName()).containsExactly("agency-" + agency);
        assertThat(realm().groups().groups("agency-" + agency, true, 0, 1, false).get(0).getAttributes())
                .containsEntry("agency", List.of(agency));
        assertThat(realm().users().get(subject).roles().realmLevel().listEffective()).extracting(r -> r.getName())
                .contains("agency-admin");

        // the new administrator completes the first sign-in (password, email, authenticator): done here with the admin API
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        realm().users().get(subject).resetPassword(password);
        user.setRequiredActions(List.of());
        user.setEmailVerified(true);
        realm().users().get(subject).update(user);
        String token = tokenOf(email, PASSWORD);
        assertThat(Tokens.claims(token)).containsEntry("agency", agency);
        assertThat(http().get(staff(agency), token).status()).isEqualTo(200);

        List<EventEnvelope> events = TopicEvents.await(Topics.IDENTITY_ACCOUNTS, subject, "huduma.identity.v1.StaffAccountCreated",
                1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        StaffAccountCreated event = EventEnvelopes.unpack(events.get(0), StaffAccountCreated.class);
        assertThat(event.getAgencyCode()).isEqualTo(agency);
        assertThat(event.getRolesList()).containsExactly("agency-admin");
        assertThat(events.get(0).getAgency()).isEqualTo(agency);
    }

    @Test
    void staffAreOnlyForActiveAgenciesAndPlatformAdminsCreateOnlyAdministrators() {
        String platformAdmin = Tokens.forUser(DemoUsers.PLATFORM_ADMIN);

        assertThat(http().post(staff("nosuch"), platformAdmin, invitation(newEmail(), "agency-admin")).status()).isEqualTo(404);
        assertThat(http().post(staff(newAgency(AgencyStatus.AGENCY_STATUS_SUSPENDED)), platformAdmin,
                invitation(newEmail(), "agency-admin")).status()).isEqualTo(409);
        assertThat(http().post(staff("brela"), platformAdmin, invitation(newEmail(), "agency-officer")).status()).isEqualTo(403);
        JsonHttp.Response badRole = http().post(staff("brela"), Tokens.forUser(DemoUsers.ADMIN_BRELA), invitation(newEmail(), "citizen"));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/role");
        JsonHttp.Response badEmail = http().post(staff("brela"), Tokens.forUser(DemoUsers.ADMIN_BRELA),
                invitation("not-an-email", "agency-officer"));
        assertThat(badEmail.status()).isEqualTo(400);
    }

    @Test
    void anAgencyAdminInvitesListsDisablesAndReEnablesTheirOfficers() {
        String admin = Tokens.forUser(DemoUsers.ADMIN_BRELA);
        String email = newEmail();

        JsonHttp.Response invited = http().post(staff("brela"), admin, invitation(email, "agency-officer"));
        assertThat(invited.status()).as("%s", invited).isEqualTo(201);
        String subject = invited.text("subject");
        forgetAfterClass(subject);

        JsonHttp.Response list = http().get(staff("brela"), admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().valueStream().map(s -> s.path("email").asString())).contains(email, "officer.brela@huduma.test");
        assertThat(list.body().valueStream().map(s -> s.path("agency").asString())).containsOnly("brela");

        JsonHttp.Response disabled = http().patch(staff("brela") + "/" + subject, admin, Map.of("enabled", false));
        assertThat(disabled.status()).as("%s", disabled).isEqualTo(200);
        assertThat(realm().users().get(subject).toRepresentation().isEnabled()).isFalse();
        JsonHttp.Response enabled = http().patch(staff("brela") + "/" + subject, admin, Map.of("enabled", true));
        assertThat(enabled.body().path("enabled").asBoolean()).isTrue();
        assertThat(realm().users().get(subject).toRepresentation().isEnabled()).isTrue();
    }

    @Test
    void oneAgencysAdminCannotSeeOrManageAnotherAgencysStaffOrClients() {
        String ritaAdmin = Tokens.forUser(DemoUsers.ADMIN_RITA);
        String brelaOfficer = realm().users().searchByUsername(DemoUsers.OFFICER_BRELA, true).get(0).getId();

        assertThat(http().get(staff("brela"), ritaAdmin).status()).isEqualTo(403);
        assertThat(http().post(staff("brela"), ritaAdmin, invitation(newEmail(), "agency-officer")).status()).isEqualTo(403);
        assertThat(http().patch(staff("brela") + "/" + brelaOfficer, ritaAdmin, Map.of("enabled", false)).status()).isEqualTo(403);
        assertThat(http().patch(staff("rita") + "/" + brelaOfficer, ritaAdmin, Map.of("enabled", false)).status())
                .as("brela's officer is no staff of rita").isEqualTo(404);
        assertThat(realm().users().get(brelaOfficer).toRepresentation().isEnabled()).isTrue();
        assertThat(http().get(clients("brela"), ritaAdmin).status()).isEqualTo(403);
        assertThat(http().post(clients("brela"), ritaAdmin, Map.of("name", "sneaky")).status()).isEqualTo(403);
        assertThat(http().delete(clients("rita") + "/agency-brela-registry", ritaAdmin).status()).isEqualTo(404);
    }

    @Test
    void citizensOfficersAndServiceAccountsCannotCallStaffEndpoints() {
        for (String token : List.of(Tokens.forUser(DemoUsers.CITIZEN_AMINA), Tokens.forUser(DemoUsers.OFFICER_BRELA),
                Tokens.serviceToken("notifications-service"))) {
            assertThat(http().get(staff("brela"), token).status()).isEqualTo(403);
            assertThat(http().post(staff("brela"), token, invitation(newEmail(), "agency-officer")).status()).isEqualTo(403);
            assertThat(http().get(clients("brela"), token).status()).isEqualTo(403);
        }
        assertThat(http().get(staff("brela"), null).status()).isEqualTo(401);
        assertThat(http().get(staff("brela"), Tokens.tamperClaims(Tokens.forUser(DemoUsers.OFFICER_BRELA),
                Map.of("realm_access", Map.of("roles", List.of("agency-admin"))))).status()).isEqualTo(401);
    }

    @Test
    void anAgencySystemClientGetsTokensCarryingItsAgencyUntilRevoked() {
        String admin = Tokens.forUser(DemoUsers.ADMIN_BRELA);
        String name = "registry " + UUID.randomUUID().toString().substring(0, 6);

        JsonHttp.Response created = http().post(clients("brela"), admin, Map.of("name", name));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String clientId = created.text("clientId");
        assertThat(clientId).startsWith("agency-brela-");
        String token = Tokens.forClient(clientId, created.text("secret"));
        assertThat(Tokens.claims(token)).containsEntry("agency", "brela").containsEntry("azp", clientId);
        assertThat(http().get(clients("brela"), admin).body().valueStream().map(c -> c.path("clientId").asString()))
                .contains(clientId);
        assertThat(http().get(clients("brela"), admin).raw().body()).doesNotContain(created.text("secret"));
        assertThat(http().get("/api/v1/identity/me", token).status()).as("a system client is no person").isEqualTo(403);

        JsonHttp.Response rotated = http().post(clients("brela") + "/" + clientId + "/secret", admin, null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(Tokens.claims(Tokens.forClient(clientId, rotated.text("secret")))).containsEntry("agency", "brela");
        assertThat(http().delete(clients("brela") + "/" + clientId, admin).status()).isEqualTo(204);
        assertThat(realm().clients().findByClientId(clientId)).isEmpty();
    }

    @Test
    void aSystemClientGetsOnlyTheAgencysOwnScopesItWasGranted() {
        String admin = Tokens.forUser(DemoUsers.ADMIN_BRELA);
        String scope = "brela.records-" + UUID.randomUUID().toString().substring(0, 6);

        JsonHttp.Response granted = http().post(clients("brela"), admin,
                Map.of("name", "scoped " + UUID.randomUUID().toString().substring(0, 6), "scopes", List.of(scope)));
        assertThat(granted.status()).as("%s", granted).isEqualTo(201);
        String token = Tokens.forClient(granted.text("clientId"), granted.text("secret"));
        assertThat(Tokens.claims(token).get("scope").toString().split(" ")).contains(scope);
        JsonHttp.Response plain = http().post(clients("brela"), admin,
                Map.of("name", "plain " + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(Tokens.claims(Tokens.forClient(plain.text("clientId"), plain.text("secret"))).get("scope").toString())
                .doesNotContain(scope);

        for (String foreign : List.of("rita.records", "huduma-api", "roles")) {
            JsonHttp.Response refused = http().post(clients("brela"), admin,
                    Map.of("name", "greedy " + UUID.randomUUID().toString().substring(0, 6), "scopes", List.of(scope, foreign)));
            assertThat(refused.status()).as(foreign).isEqualTo(400);
            assertThat(refused.body().path("errors").get(0).path("pointer").asString()).isEqualTo("/scopes/1");
        }
        assertThat(realm().clients().findAll().stream().filter(c -> c.getClientId().startsWith("agency-brela-greedy")))
                .as("nothing created").isEmpty();
        http().delete(clients("brela") + "/" + granted.text("clientId"), admin);
        http().delete(clients("brela") + "/" + plain.text("clientId"), admin);
    }

    @Test
    void staffOfASuspendedAgencyAreDisabledAndReEnabledWhenItIsReinstated() throws Exception {
        String agency = newAgency(AgencyStatus.AGENCY_STATUS_ACTIVE);
        JsonHttp.Response created = http().post(staff(agency), Tokens.forUser(DemoUsers.PLATFORM_ADMIN),
                invitation(newEmail(), "agency-admin"));
        assertThat(created.status()).isEqualTo(201);
        String subject = created.text("subject");
        forgetAfterClass(subject);

        publish(agency, AgencyStatus.AGENCY_STATUS_SUSPENDED);
        awaitEnabled(subject, false);
        publish(agency, AgencyStatus.AGENCY_STATUS_ACTIVE);
        awaitEnabled(subject, true);
    }

    private static void publish(String agency, AgencyStatus status) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", Infra.kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            EventEnvelope envelope = EventEnvelopes.wrap("service-catalog", agency, agency, AgencyChanged.newBuilder()
                    .setAgency(Agency.newBuilder().setCode(agency).setStatus(status)).build());
            producer.send(new ProducerRecord<>(Topics.CATALOG_AGENCIES, agency, envelope.toByteArray())).get();
        }
    }

    private static void awaitEnabled(String subject, boolean expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline
                && !Boolean.valueOf(expected).equals(realm().users().get(subject).toRepresentation().isEnabled())) {
            Thread.sleep(250);
        }
        assertThat(realm().users().get(subject).toRepresentation().isEnabled()).isEqualTo(expected);
    }
}
