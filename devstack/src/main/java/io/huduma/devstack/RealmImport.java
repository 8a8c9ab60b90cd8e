package io.huduma.devstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the realm files Keycloak imports: the production realm kept in the repository
 * ({@code deploy/keycloak/huduma-realm.json}) with the dev/test overlay of this module merged in
 * (test clients, demo users, dev secrets), plus the {@code elsewhere} realm for wrong-issuer tests.
 */
final class RealmImport {

    static final String REALM_FILE = "deploy/keycloak/huduma-realm.json";
    /** The list the realm's {@code passwordBlacklist(huduma-common-passwords.txt)} policy reads. */
    static final String PASSWORD_BLACKLIST = "deploy/keycloak/huduma-common-passwords.txt";

    /** Array elements with the same value under one of these keys are the same thing: merged, not added. */
    private static final List<String> IDENTITY_KEYS = List.of("clientId", "username", "name", "alias");

    private final JsonMapper json;

    RealmImport(JsonMapper json) {
        this.json = json;
    }

    /** File name to JSON, ready for Keycloak's {@code data/import} folder. */
    Map<String, String> files(Path repositoryRoot) {
        return files(repositoryRoot, 0);
    }

    /**
     * The realm files, with Keycloak's mail going to the devstack's SMTP server on {@code smtpPort}
     * (none when 0): staff's email verification and Keycloak's own emails land in the inbox.
     */
    Map<String, String> files(Path repositoryRoot, int smtpPort) {
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode realm = read(repositoryRoot.resolve(REALM_FILE));
        JsonNode overlay = resource("keycloak/huduma-realm-dev-overlay.json");
        JsonNode merged = merge(realm, overlay);
        cheapPasswordHashing(merged);
        if (smtpPort > 0 && merged instanceof ObjectNode object) {
            ObjectNode smtp = object.putObject("smtpServer");
            smtp.put("host", "127.0.0.1");
            smtp.put("port", String.valueOf(smtpPort));
            smtp.put("from", "no-reply@huduma.go.tz");
            smtp.put("fromDisplayName", "Huduma");
            smtp.put("auth", "false");
            smtp.put("ssl", "false");
            smtp.put("starttls", "false");
        }
        files.put("huduma-realm.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(merged));
        files.put("elsewhere-realm.json", json.writeValueAsString(resource("keycloak/elsewhere-realm.json")));
        return files;
    }

    /**
     * Keeps the production password policy but hashes with 1,000 rounds of PBKDF2-SHA256 instead of
     * Keycloak's memory-hard Argon2 default: the build logs demo users in hundreds of times, and the
     * production cost would add minutes to it.
     */
    static void cheapPasswordHashing(JsonNode realm) {
        if (realm instanceof ObjectNode object) {
            JsonNode policy = object.get("passwordPolicy");
            String base = policy == null || policy.asString().isBlank() ? "" : policy.asString() + " and ";
            object.put("passwordPolicy", base + "hashAlgorithm(pbkdf2-sha256) and hashIterations(1000)");
        }
    }

    /**
     * Deep merge: objects merge key by key, arrays gain the overlay's elements (an element naming the
     * same client, user, role or scope as one in the base is merged into it), anything else is replaced.
     */
    static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (base instanceof ObjectNode baseObject && overlay instanceof ObjectNode overlayObject) {
            ObjectNode merged = baseObject.deepCopy();
            for (Map.Entry<String, JsonNode> entry : overlayObject.properties()) {
                JsonNode existing = merged.get(entry.getKey());
                merged.set(entry.getKey(), existing == null ? entry.getValue().deepCopy() : merge(existing, entry.getValue()));
            }
            return merged;
        }
        if (base instanceof ArrayNode baseArray && overlay instanceof ArrayNode overlayArray) {
            ArrayNode merged = baseArray.deepCopy();
            for (JsonNode element : overlayArray) {
                int same = indexOfSame(merged, element);
                if (same < 0) {
                    merged.add(element.deepCopy());
                } else {
                    merged.set(same, merge(merged.get(same), element));
                }
            }
            return merged;
        }
        return overlay.deepCopy();
    }

    private static int indexOfSame(ArrayNode array, JsonNode element) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode candidate = array.get(i);
            if (!element.isObject()) {
                if (candidate.equals(element)) {
                    return i;
                }
                continue;
            }
            for (String key : IDENTITY_KEYS) {
                if (element.has(key)) {
                    if (candidate.has(key) && candidate.get(key).equals(element.get(key))) {
                        return i;
                    }
                    break;
                }
            }
        }
        return -1;
    }

    private JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Realm file not found: " + file);
        }
        return json.readTree(file.toFile());
    }

    private JsonNode resource(String name) {
        try (InputStream in = RealmImport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
