package io.huduma.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code deploy/k8s/components/keycloak/realm-import.yaml}, the Keycloak operator's
 * {@code KeycloakRealmImport}, from {@code deploy/keycloak/huduma-realm.json} (the realm the local stack
 * imports too): only service-account users are kept (never demo users), and each confidential
 * {@code svc-<module>} client gets its secret from the cluster through a placeholder
 * ({@code ${SVC_<MODULE>_SECRET}} from Secret {@code huduma-svc-<module>}, key {@code client-secret}).
 * {@code RealmImportTest} fails when the committed file and the realm disagree; regenerate with
 * {@code ./mvnw -B -o -pl deploy/validation test -Dhuduma.realm.regenerate=true}.
 */
final class RealmImportGenerator {

    /** The realm; {@code -Dhuduma.realm.source=FILE} generates from another copy (e.g. the committed one). */
    static final Path REALM = System.getProperty("huduma.realm.source", "").isBlank()
            ? Repo.DEPLOY.resolve("keycloak/huduma-realm.json")
            : Path.of(System.getProperty("huduma.realm.source"));
    static final Path OUTPUT = Repo.K8S.resolve("components/keycloak/realm-import.yaml");
    static final String SERVICE_CLIENT_PREFIX = "svc-";
    /** The Secret holding the mail relay Keycloak sends its emails through. */
    static final String SMTP_SECRET = "huduma-keycloak-smtp";
    /**
     * Confidential clients that sign people in (not {@code svc-*}) and the Secret their module reads the secret
     * from (key {@code client-secret}): {@code huduma-portal}, web-portal's code flow with PKCE.
     */
    static final Map<String, String> SIGN_IN_CLIENT_SECRETS = Map.of("huduma-portal", "huduma-portal");
    /** The common passwords the realm's {@code passwordBlacklist(...)} policy refuses (identity checks it too). */
    static final Path BLACKLIST = Repo.DEPLOY.resolve("keycloak/huduma-common-passwords.txt");
    static final Path BLACKLIST_OUTPUT = Repo.K8S.resolve("components/keycloak/password-blacklist.yaml");

    private RealmImportGenerator() {
    }

    static String secretName(String clientId) {
        return "huduma-" + clientId;
    }

    static String placeholder(String clientId) {
        return clientId.replace('-', '_').toUpperCase() + "_SECRET";
    }

    @SuppressWarnings("unchecked")
    static String generate() {
        Map<String, Object> realm = JsonMapper.builder().build().readValue(Repo.read(REALM), LinkedHashMap.class);
        Map<String, Object> placeholders = new LinkedHashMap<>();
        for (Object c : (List<Object>) realm.getOrDefault("clients", List.of())) {
            Map<String, Object> client = (Map<String, Object>) c;
            String clientId = String.valueOf(client.get("clientId"));
            if (clientId.startsWith(SERVICE_CLIENT_PREFIX) && !Boolean.TRUE.equals(client.get("publicClient"))) {
                client.put("secret", "${" + placeholder(clientId) + "}");
                placeholders.put(placeholder(clientId), Map.of("secret",
                        orderedMap("name", secretName(clientId), "key", "client-secret")));
            } else if (SIGN_IN_CLIENT_SECRETS.containsKey(clientId) && !Boolean.TRUE.equals(client.get("publicClient"))) {
                client.put("secret", "${" + placeholder(clientId) + "}");
                placeholders.put(placeholder(clientId), Map.of("secret",
                        orderedMap("name", SIGN_IN_CLIENT_SECRETS.get(clientId), "key", "client-secret")));
            } else {
                client.remove("secret");
            }
        }
        List<Object> users = new ArrayList<>();
        for (Object u : (List<Object>) realm.getOrDefault("users", List.of())) {
            if (((Map<String, Object>) u).get("serviceAccountClientId") != null) {
                ((Map<String, Object>) u).remove("credentials");
                users.add(u);
            }
        }
        realm.put("users", users);

        // Keycloak's own mail (staff's email verification, Keycloak's email flows) through the relay of
        // Secret huduma-keycloak-smtp; STARTTLS, authenticated
        Map<String, Object> smtp = new LinkedHashMap<>();
        for (String field : List.of("host", "port", "from", "user", "password")) {
            String name = "KEYCLOAK_SMTP_" + field.toUpperCase();
            smtp.put(field, "${" + name + "}");
            placeholders.put(name, Map.of("secret", orderedMap("name", SMTP_SECRET, "key", field)));
        }
        smtp.put("fromDisplayName", "Huduma");
        smtp.put("auth", "true");
        smtp.put("starttls", "true");
        smtp.put("ssl", "false");
        realm.put("smtpServer", smtp);

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", "huduma-keycloak");
        spec.put("placeholders", placeholders);
        spec.put("realm", realm);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.put("metadata", Map.of("name", "huduma-realm"));
        resource.put("spec", spec);

        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        options.setSplitLines(false);
        return """
                # GENERATED from deploy/keycloak/huduma-realm.json by deploy/validation (RealmImportGenerator): do not edit.
                # Regenerate: ./mvnw -B -o -pl deploy/validation test -Dhuduma.realm.regenerate=true
                # Client secrets come from the Secrets huduma-svc-<module> (key client-secret) through placeholders.
                """ + new Yaml(options).dump(resource);
    }

    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /** The ConfigMap Keycloak's pod mounts at {@code /opt/keycloak/data/password-blacklists}. */
    static String generateBlacklist() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "v1");
        resource.put("kind", "ConfigMap");
        resource.put("metadata", Map.of("name", "huduma-password-blacklists"));
        resource.put("data", Map.of(BLACKLIST.getFileName().toString(), Repo.read(BLACKLIST)));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
        options.setIndent(2);
        return """
                # GENERATED from deploy/keycloak/huduma-common-passwords.txt by deploy/validation (RealmImportGenerator): do not edit.
                # Regenerate: ./mvnw -B -o -pl deploy/validation test -Dhuduma.realm.regenerate=true
                """ + new Yaml(options).dump(resource);
    }

    static void write() throws IOException {
        Files.writeString(OUTPUT, generate());
        Files.writeString(BLACKLIST_OUTPUT, generateBlacklist());
    }
}
