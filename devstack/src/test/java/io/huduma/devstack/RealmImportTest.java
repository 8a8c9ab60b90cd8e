package io.huduma.devstack;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The production realm stays production-only; the devstack's import adds the dev/test parts to it. */
class RealmImportTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Path root = Path.of(System.getProperty("huduma.root", "..")).toAbsolutePath().normalize();

    @Test
    void productionRealmHasTheRolesClientsAndNoDemoUsersOrSecrets() {
        JsonNode realm = json.readTree(root.resolve(RealmImport.REALM_FILE).toFile());

        assertThat(names(realm.get("roles").get("realm"), "name"))
                .containsExactlyInAnyOrder("citizen", "agency-officer", "agency-admin", "platform-admin", "internal-service");
        assertThat(names(realm.get("clients"), "clientId")).containsExactlyInAnyOrder("huduma-web", "huduma-mobile",
                "huduma-portal", "svc-gateway", "svc-identity", "svc-service-catalog", "svc-requests-service",
                "svc-notifications-service", "svc-ussd-service");
        assertThat(names(realm.get("users"), "username")).allMatch(u -> u.startsWith("service-account-svc-"));
        assertThat(realm.toString()).doesNotContain("\"secret\"", "\"credentials\"", "Huduma#2026");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        for (String publicClient : List.of("huduma-web", "huduma-mobile")) {
            JsonNode client = find(realm.get("clients"), "clientId", publicClient);
            assertThat(client.get("publicClient").asBoolean()).isTrue();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(client.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        }
        assertThat(names(realm.get("defaultDefaultClientScopes"), null)).contains("huduma-api", "agency", "roles", "basic");
    }

    @Test
    void keycloakMailsThroughTheDevstacksSmtpServer() {
        JsonNode merged = json.readTree(new RealmImport(json).files(root, 2525).get("huduma-realm.json"));

        assertThat(merged.get("smtpServer").get("host").asString()).isEqualTo("127.0.0.1");
        assertThat(merged.get("smtpServer").get("port").asString()).isEqualTo("2525");
        assertThat(json.readTree(new RealmImport(json).files(root).get("huduma-realm.json")).has("smtpServer")).isFalse();
    }

    @Test
    void importAddsTheDevClientsUsersAndSecrets() {
        JsonNode merged = json.readTree(new RealmImport(json).files(root).get("huduma-realm.json"));

        assertThat(names(merged.get("clients"), "clientId"))
                .contains("huduma-web", "huduma-cli", "huduma-noaud", "huduma-short", "svc-identity");
        assertThat(find(merged.get("clients"), "clientId", "svc-identity").get("secret").asString())
                .isEqualTo("dev-secret-identity");
        assertThat(find(merged.get("clients"), "clientId", "svc-identity").get("serviceAccountsEnabled").asBoolean())
                .isTrue();
        assertThat(names(find(merged.get("clients"), "clientId", "huduma-web").get("redirectUris"), null))
                .contains("https://huduma.go.tz/auth/callback", "http://localhost:3000/auth/callback").noneMatch(uri -> uri.contains("*"));
        assertThat(names(find(merged.get("clients"), "clientId", "huduma-noaud").get("defaultClientScopes"), null))
                .contains("agency", "roles").doesNotContain("huduma-api");
        JsonNode officer = find(merged.get("users"), "username", "officer.brela");
        assertThat(officer.get("attributes").get("agency").get(0).asString()).isEqualTo("brela");
        assertThat(names(officer.get("realmRoles"), null)).containsExactly("agency-officer");
        assertThat(names(merged.get("users"), "username")).contains("service-account-svc-identity", "citizen.amina",
                "citizen.juma", "admin.brela", "officer.rita", "admin.rita", "admin.platform");
        assertThat(merged.get("passwordPolicy").asString()).startsWith("length(10)").endsWith("hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)");
    }

    @Test
    void mergeJoinsObjectsByIdentityAndUnionsLists() {
        JsonNode base = json.valueToTree(Map.of("a", 1, "clients", List.of(
                Map.of("clientId", "x", "redirectUris", List.of("https://x/*"), "publicClient", true))));
        JsonNode overlay = json.valueToTree(Map.of("a", 2, "clients", List.of(
                Map.of("clientId", "x", "redirectUris", List.of("https://x/*", "http://localhost/*")),
                Map.of("clientId", "y"))));

        JsonNode merged = RealmImport.merge(base, overlay);

        assertThat(merged.get("a").asInt()).isEqualTo(2);
        assertThat(merged.get("clients").size()).isEqualTo(2);
        JsonNode x = merged.get("clients").get(0);
        assertThat(names(x.get("redirectUris"), null)).containsExactly("https://x/*", "http://localhost/*");
        assertThat(x.get("publicClient").asBoolean()).isTrue();
        assertThat(base.get("a").asInt()).as("the base is not modified").isEqualTo(1);
    }

    private static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.get(key).asString())) {
                return element;
            }
        }
        throw new AssertionError("no " + key + "=" + value + " in " + array);
    }

    private static List<String> names(JsonNode array, String key) {
        List<String> names = new ArrayList<>();
        array.forEach(element -> names.add(key == null ? element.asString() : element.get(key).asString()));
        return names;
    }
}
