package io.huduma.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The KeycloakRealmImport is the realm of deploy/keycloak, with secrets from the cluster and no people. */
class RealmImportTest {

    @Test
    void theCommittedImportIsGeneratedFromTheRealm() throws IOException {
        if (Boolean.getBoolean("huduma.realm.regenerate")) {
            RealmImportGenerator.write();
        }
        assertThat(Repo.read(RealmImportGenerator.OUTPUT))
                .as("deploy/k8s/components/keycloak/realm-import.yaml is stale: the realm changed. Regenerate it with "
                        + "./mvnw -B -o -pl deploy/validation test -Dtest=RealmImportTest -Dhuduma.realm.regenerate=true")
                .isEqualTo(RealmImportGenerator.generate());
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakSendsItsEmailsThroughTheRelayOfItsSecret() {
        Map<String, Object> spec = StrictManifests.parse(Repo.read(RealmImportGenerator.OUTPUT), "realm-import.yaml").get(0).map("spec");
        Map<String, Object> smtp = (Map<String, Object>) ((Map<String, Object>) spec.get("realm")).get("smtpServer");
        Map<String, Object> placeholders = (Map<String, Object>) spec.get("placeholders");
        assertThat(smtp).containsEntry("host", "${KEYCLOAK_SMTP_HOST}").containsEntry("password", "${KEYCLOAK_SMTP_PASSWORD}")
                .containsEntry("starttls", "true");
        assertThat(placeholders.get("KEYCLOAK_SMTP_HOST").toString()).contains(RealmImportGenerator.SMTP_SECRET);
        assertThat(Repo.read(Repo.DEPLOY.resolve("README.md"))).contains(RealmImportGenerator.SMTP_SECRET);
    }

    @Test
    void everyDescriptionFitsKeycloaksColumns() {
        // Keycloak stores names and descriptions in VARCHAR(255): a longer one makes the whole import fail
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(description|name)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(Repo.read(RealmImportGenerator.REALM));
        while (m.find()) {
            assertThat(m.group(2).length()).as("%s \"%s\"", m.group(1), m.group(2)).isLessThanOrEqualTo(255);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakRefusesTheCommonPasswordsOfTheListItMounts() {
        assertThat(Repo.read(RealmImportGenerator.BLACKLIST_OUTPUT))
                .as("password-blacklist.yaml is stale: regenerate it like realm-import.yaml")
                .isEqualTo(RealmImportGenerator.generateBlacklist());
        Map<String, Object> realm = (Map<String, Object>) StrictManifests.parse(Repo.read(RealmImportGenerator.OUTPUT),
                "realm-import.yaml").get(0).map("spec").get("realm");
        assertThat(realm.get("passwordPolicy").toString()).contains("passwordBlacklist(huduma-common-passwords.txt)");

        List<StrictManifests.Manifest> dev = Rendered.overlay("dev");
        Map<String, Object> data = Rendered.find(dev, "ConfigMap", "huduma-password-blacklists").orElseThrow().map("data");
        assertThat(data.get("huduma-common-passwords.txt").toString().lines()).contains("password123", "1234567890", "tanzania2026");
        Map<String, Object> keycloak = Rendered.find(dev, "Keycloak", "huduma-keycloak").orElseThrow().map("spec");
        assertThat(keycloak.toString()).contains("mountPath=/opt/keycloak/data/password-blacklists", "name=huduma-password-blacklists");
    }

    @Test
    @SuppressWarnings("unchecked")
    void itCarriesNoSecretValueAndNoPerson() {
        var imports = StrictManifests.parse(Repo.read(RealmImportGenerator.OUTPUT), "realm-import.yaml");
        assertThat(imports).hasSize(1);
        Map<String, Object> spec = imports.get(0).map("spec");
        Map<String, Object> realm = (Map<String, Object>) spec.get("realm");
        Map<String, Object> placeholders = (Map<String, Object>) spec.get("placeholders");

        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        assertThat(clients).isNotEmpty().allSatisfy(client -> {
            Object secret = client.get("secret");
            if (secret != null) {
                assertThat(secret.toString()).as("secret of " + client.get("clientId")).matches("\\$\\{[A-Z0-9_]+}");
                String name = secret.toString().substring(2, secret.toString().length() - 1);
                assertThat(placeholders).as("placeholder " + name).containsKey(name);
            }
        });
        assertThat(clients.stream().filter(c -> c.get("clientId").toString().startsWith("svc-")))
                .as("every service client takes its secret from the cluster")
                .allSatisfy(c -> assertThat(c.get("secret")).isNotNull());
        List<Map<String, Object>> users = (List<Map<String, Object>>) realm.getOrDefault("users", List.of());
        assertThat(users).as("only service accounts, never demo users")
                .allSatisfy(user -> {
                    assertThat(user.get("serviceAccountClientId")).isNotNull();
                    assertThat(user).doesNotContainKey("credentials");
                });
        assertThat(Repo.read(RealmImportGenerator.OUTPUT)).doesNotContain("dev-secret");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePortalsClientTakesItsSecretFromTheSecretWebPortalReads() {
        Map<String, Object> spec = StrictManifests.parse(Repo.read(RealmImportGenerator.OUTPUT), "realm-import.yaml").get(0).map("spec");
        List<Map<String, Object>> clients = (List<Map<String, Object>>) ((Map<String, Object>) spec.get("realm")).get("clients");
        assertThat(clients).filteredOn(c -> "huduma-portal".equals(c.get("clientId"))).singleElement()
                .satisfies(c -> assertThat(c.get("secret")).isEqualTo("${HUDUMA_PORTAL_SECRET}"));
        assertThat((Map<String, Object>) spec.get("placeholders")).containsEntry("HUDUMA_PORTAL_SECRET",
                Map.of("secret", Map.of("name", "huduma-portal", "key", "client-secret")));
        var env = Rendered.get(Rendered.overlay("dev"), "Deployment", "web-portal", io.kubernetes.client.openapi.models.V1Deployment.class)
                .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(env).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("PORTAL_CLIENT_SECRET");
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("huduma-portal");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("client-secret");
        });
    }
}
