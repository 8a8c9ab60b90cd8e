package io.huduma.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.huduma.testkit.Inbox;
import io.huduma.testkit.Infra;
import io.huduma.testkit.JsonHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A citizen asks for the status of an application by SMS, as from a basic phone: texts written to the
 * platform's short code through the devstack SMSC simulator ({@code POST /sms/inbound}), answers read at
 * the same SMSC. {@code HALI <tracking number>} is answered in Swahili, {@code STATUS ...} in English, with
 * the status, service name and due date; the same number texted from another phone is not described; an
 * unknown word gets the help text. Needs {@code ./huduma up}.
 *
 * <p>requests-service records the phone of a web application from the token's {@code phone_number}
 * claim. The realm's clients do not map the account's {@code phone} attribute to that claim yet, so this
 * journey signs in through a public test client that does ({@value #PHONE_CLIENT}, created here with
 * Keycloak's admin API when missing).
 */
class InboundSmsIT {

    private static final String GATEWAY = System.getenv().getOrDefault("HUDUMA_GATEWAY_URL", "http://localhost:8080");
    private static final String PHONE_CLIENT = "e2e-phone-cli";
    private static final String SHORT_CODE = "15555";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Duration SMS_WAIT = Duration.ofSeconds(60);

    private final JsonHttp gateway = new JsonHttp(GATEWAY);
    private final JsonHttp keycloak = new JsonHttp(Infra.keycloakUrl());
    private final JsonHttp inbox = new JsonHttp(Infra.inboxUrl());

    @Test
    void aCitizenTextsHaliAndStatusAndAnotherPhoneLearnsNothing() {
        JourneyLog log = new JourneyLog("inbound-sms");
        String e164 = "+255754" + digits(6);
        String password = "Baraka-Shirima-" + digits(4) + "!";
        String citizen = signUp(log, e164, password);

        JsonHttp.Response found = gateway.get("/api/v1/services?q=leseni%20ya%20biashara&agency=brela", null,
                Map.of("Accept-Language", "sw"));
        JsonNode service = first(found.body().path("items"), "business-licence");
        ObjectNode application = JsonHttp.JSON.createObjectNode().put("serviceId", service.path("id").asString())
                .put("channel", "web");
        application.putObject("answers").put("registrationNumber", "BN-" + digits(6)).put("tin", digits(9))
                .put("premisesAddress", "Mtaa wa Uhuru, Moshi");
        JsonHttp.Response submitted = gateway.post("/api/v1/requests", citizen, application,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String tracking = submitted.body().path("trackingNumber").asString();
        log.step("apply for " + service.path("name").asString(), submitted, tracking);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String dueDate = submitted.body().path("dueDate").asString();

        // from the phone the application was made from: Swahili, then English
        text(log, e164, "hali " + tracking.toLowerCase());
        Inbox.Sms swahili = awaitAnswer(e164, "Ombi " + tracking);
        log.received("SMS", e164, swahili.text());
        assertThat(swahili.text()).startsWith("Ombi " + tracking + " (").contains("): IMEPOKELEWA.")
                .endsWith(dueDate.isEmpty() ? "." : " Tarehe ya mwisho: " + dueDate + ".");

        text(log, e164, "STATUS  " + tracking);
        Inbox.Sms english = awaitAnswer(e164, "Application " + tracking);
        log.received("SMS", e164, english.text());
        assertThat(english.text()).startsWith("Application " + tracking + " (").contains("): RECEIVED.")
                .endsWith(dueDate.isEmpty() ? "." : " Due by " + dueDate + ".");

        // the same number from another phone: not described
        String stranger = "+255754" + digits(6);
        text(log, stranger, "HALI " + tracking);
        Inbox.Sms refused = awaitAnswer(stranger, tracking);
        log.received("SMS", stranger, refused.text());
        assertThat(refused.text()).startsWith("Hatukupata ombi " + tracking)
                .doesNotContain(service.path("name").asString()).doesNotContain("IMEPOKELEWA");

        // a word the platform does not know: the help text
        text(log, stranger, "Habari za asubuhi");
        Inbox.Sms help = awaitAnswer(stranger, "Huduma:");
        log.received("SMS", stranger, help.text());
        assertThat(help.text()).contains("HALI", "STATUS");
    }

    /** Signs a new citizen up through the gateway (the code read at the SMSC); a token with their phone. */
    private String signUp(JourneyLog log, String e164, String password) {
        ObjectNode signUp = JsonHttp.JSON.createObjectNode().put("phoneNumber", e164).put("fullName", "Baraka Shirima")
                .put("password", password).put("language", "sw");
        JsonHttp.Response started = log.step("sign up with " + e164,
                gateway.post("/api/v1/identity/registrations", null, signUp));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        Inbox.Sms codeSms = Inbox.awaitSms(sms -> e164.equals(sms.destination()) && CODE.matcher(sms.text()).find(),
                SMS_WAIT);
        Matcher code = CODE.matcher(codeSms.text());
        assertThat(code.find()).isTrue();
        JsonHttp.Response verified = log.step("verify the phone", gateway.post("/api/v1/identity/registrations/"
                + started.body().path("id").asString() + "/verification", null, Map.of("code", code.group(1))));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(201);
        ensurePhoneClient();
        JsonHttp.Response token = keycloak.sendRaw("POST", "/realms/huduma/protocol/openid-connect/token", null,
                "application/x-www-form-urlencoded", form(Map.of("grant_type", "password", "client_id", PHONE_CLIENT,
                        "username", e164, "password", password)));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.body().path("access_token").asString();
    }

    /** A public client whose tokens carry the account's phone as {@code phone_number} (idempotent). */
    private void ensurePhoneClient() {
        JsonHttp.Response admin = keycloak.sendRaw("POST", "/realms/master/protocol/openid-connect/token", null,
                "application/x-www-form-urlencoded", form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", Infra.keycloakAdminUsername(), "password", Infra.keycloakAdminPassword())));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        String adminToken = admin.body().path("access_token").asString();
        Map<String, Object> client = Map.of("clientId", PHONE_CLIENT, "publicClient", true,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "defaultClientScopes", List.of("basic", "profile", "roles", "huduma-api"),
                "protocolMappers", List.of(Map.of("name", "phone", "protocol", "openid-connect",
                        "protocolMapper", "oidc-usermodel-attribute-mapper", "config", Map.of(
                                "user.attribute", "phone", "claim.name", "phone_number", "jsonType.label", "String",
                                "access.token.claim", "true", "id.token.claim", "false", "userinfo.token.claim", "false"))));
        JsonHttp.Response created = keycloak.post("/admin/realms/huduma/clients", adminToken, client);
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
    }

    private void text(JourneyLog log, String from, String text) {
        JsonHttp.Response sent = inbox.post("/sms/inbound", null, Map.of("from", from, "to", SHORT_CODE, "text", text));
        log.step("text \"" + text + "\" from " + from + " to " + SHORT_CODE, sent,
                sent.body().path("attempts").toString());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.body().path("attempts").get(0).asString()).isEqualTo("ACKNOWLEDGED");
    }

    private static Inbox.Sms awaitAnswer(String phone, String containing) {
        return Inbox.awaitSms(sms -> phone.equals(sms.destination()) && sms.text().contains(containing), SMS_WAIT);
    }

    private static byte[] form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((key, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode first(JsonNode items, String slug) {
        for (JsonNode item : items) {
            if (slug.equals(item.path("slug").asString())) {
                return item;
            }
        }
        throw new AssertionError("no " + slug + " among " + items);
    }

    private static String digits(int n) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
