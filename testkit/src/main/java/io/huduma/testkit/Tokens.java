package io.huduma.testkit;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Real access tokens from the build's Keycloak for tests, and the forged ones a secure API must refuse.
 *
 * <pre>{@code
 * String citizen = Tokens.forUser(DemoUsers.CITIZEN_AMINA);          // realm huduma, client huduma-cli
 * String noAudience = Tokens.forUser("officer.brela", DemoUsers.NO_AUDIENCE_CLIENT);
 * String service = Tokens.serviceToken("requests-service");          // svc-requests-service, internal-service
 * String forged = Tokens.tamperSignature(citizen);
 * }</pre>
 */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private Tokens() {
    }

    /** A demo user's access token (password grant through {@code huduma-cli}, demo password). */
    public static String forUser(String username) {
        return forUser(username, DemoUsers.CLI_CLIENT);
    }

    /** A demo user's access token through another public client, e.g. {@link DemoUsers#NO_AUDIENCE_CLIENT}. */
    public static String forUser(String username, String clientId) {
        return passwordGrant("huduma", clientId, username, DemoUsers.PASSWORD);
    }

    /** Any user's access token (e.g. one a test created), through {@code huduma-cli}. */
    public static String forUserWithPassword(String username, String password) {
        return passwordGrant("huduma", DemoUsers.CLI_CLIENT, username, password);
    }

    /** A client-credentials token of a confidential client. */
    public static String forClient(String clientId, String secret) {
        return tokenRequest("huduma", Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** The service token of a module: client {@code svc-<module>} with its dev secret {@code dev-secret-<module>}. */
    public static String serviceToken(String module) {
        return forClient("svc-" + module, "dev-secret-" + module);
    }

    /** A valid token of another realm ({@code elsewhere}) on the same Keycloak: the wrong issuer. */
    public static String fromElsewhere() {
        return passwordGrant("elsewhere", "elsewhere-cli", DemoUsers.STRANGER, "stranger");
    }

    /**
     * A token of {@code username} that has expired: issued through {@link DemoUsers#SHORT_LIVED_CLIENT}
     * (2 s lifespan), returned once it is past its {@code exp}. Services must be run with a clock skew
     * below a second to reject it ({@code huduma.security.clock-skew=0s}).
     */
    public static String expired(String username) {
        String token = forUser(username, DemoUsers.SHORT_LIVED_CLIENT);
        long exp = ((Number) claims(token).get("exp")).longValue();
        long waitMillis = (exp + 1) * 1000 - System.currentTimeMillis();
        if (waitMillis > 0) {
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    /** The decoded payload of a JWT (claims are not verified). */
    public static Map<String, Object> claims(String token) {
        return JSON.readValue(B64_DECODE.decode(part(token, 1)), MAP);
    }

    /** The decoded header of a JWT. */
    public static Map<String, Object> header(String token) {
        return JSON.readValue(B64_DECODE.decode(part(token, 0)), MAP);
    }

    /** The same token with one bit of its signature flipped. */
    public static String tamperSignature(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = B64_DECODE.decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        return parts[0] + "." + parts[1] + "." + B64.encodeToString(signature);
    }

    /**
     * The token with claims changed (e.g. {@code Map.of("agency", "rita")} or more roles) and the
     * original signature kept: what an attacker editing a token produces.
     */
    public static String tamperClaims(String token, Map<String, Object> changes) {
        String[] parts = token.split("\\.");
        Map<String, Object> claims = new LinkedHashMap<>(claims(token));
        claims.putAll(changes);
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    /** The token's claims under header {@code {"alg":"none"}} and no signature. */
    public static String algNone(String token) {
        return encode(Map.of("alg", "none", "typ", "JWT")) + "." + part(token, 1) + ".";
    }

    /**
     * A JWT with the given claims signed RS256 by a key pair of the test's own, not Keycloak's; e.g.
     * {@code selfSigned(claims(forUser("admin.platform")))} is a perfect copy that must still be refused.
     */
    public static String selfSigned(Map<String, Object> claims) {
        String signingInput = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", "self-signed")) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(SelfSigningKey.PAIR.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims for {@link #selfSigned(Map)} that look like a fresh token of the real issuer. */
    public static Map<String, Object> plausibleClaims(String subject, String... realmRoles) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", Infra.issuer());
        claims.put("sub", subject);
        claims.put("aud", "huduma-api");
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("azp", DemoUsers.CLI_CLIENT);
        claims.put("realm_access", Map.of("roles", java.util.List.of(realmRoles)));
        return claims;
    }

    private static String passwordGrant(String realm, String clientId, String username, String password) {
        return tokenRequest(realm, Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password, "scope", "openid"));
    }

    private static String tokenRequest(String realm, Map<String, String> form) {
        URI endpoint = URI.create(Infra.keycloakUrl() + "/realms/" + realm + "/protocol/openid-connect/token");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + form.getOrDefault("username",
                        form.get("client_id")) + " at " + endpoint + ": " + response.statusCode() + " " + response.body());
            }
            return (String) JSON.readValue(response.body(), MAP).get("access_token");
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String part(String token, int index) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a JWT: " + token);
        }
        return parts[index];
    }

    private static String encode(Object json) {
        return B64.encodeToString(JSON.writeValueAsBytes(json));
    }

    /** Generated on first use only: most test classes never forge a token. */
    private static final class SelfSigningKey {
        static final KeyPair PAIR = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
