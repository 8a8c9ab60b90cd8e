package io.huduma.platform.webtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.huduma.testkit.Infra;

/**
 * A Keycloak outage on a Keycloak of this test's own (a copy of the build's distribution and realm,
 * never the shared server): a service that has seen Keycloak's keys keeps accepting the tokens it
 * issued while it is stopped, longer than the key cache lives, and still refuses forged ones; after
 * a restart (new keys) and an explicit key rotation, new tokens are accepted at once.
 */
class KeycloakOutageIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CLIENT = "svc-service-catalog";
    private static final String SECRET = "dev-secret-service-catalog";

    /** Kept after the test (the copied home is removed). */
    private static final Path LOG = Path.of("target/keycloak-outage-it.log").toAbsolutePath();

    private static Path home;
    private static int port;
    private static int managementPort;
    private static Process keycloak;
    private static ConfigurableApplicationContext service;
    private static String serviceUrl;

    @BeforeAll
    static void startPrivateKeycloakAndService() throws Exception {
        Path shared = sharedKeycloakHome();
        home = Files.createTempDirectory("huduma-private-keycloak");
        // a copy: the shared server's home (its build, its imports) is never touched
        run("cp", "-a", shared + "/.", home.toString());
        port = freePort();
        managementPort = freePort();
        startKeycloak();
        // command-line arguments: above the test application's own property file
        service = new SpringApplicationBuilder(WebTestApplication.class).run(
                "--server.port=0",
                "--spring.application.name=platform-keycloak-outage-it",
                "--eureka.client.enabled=false",
                "--huduma.keycloak.url=http://localhost:" + port,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:" + port + "/realms/huduma",
                // shorter than the outage below: the keys outlive their cache only by outage tolerance
                "--huduma.security.keys.cache-ttl=3s",
                "--huduma.security.keys.timeout=15s");
        serviceUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (service != null) {
            service.close();
        }
        stopKeycloak();
        if (home != null) {
            run("rm", "-rf", home.toString());
        }
    }

    @Test
    void issuedTokensKeepWorkingWhileKeycloakIsDownAndNewKeysArePickedUpAfterwards() throws Exception {
        String before = token();
        // a freshly started Keycloak on a loaded machine answers its first requests slowly: wait for the first
        // acceptance (keys fetched) rather than fail on a slow first fetch
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> call(before) == 200);

        stopKeycloak();
        assertThat(keycloakAnswers()).isFalse();
        Thread.sleep(5_000); // past the 3 s key cache: the keys now live on outage tolerance
        assertThat(call(before)).as("a token issued before the outage, Keycloak down").isEqualTo(200);
        assertThat(call(tampered(before))).as("a tampered token, Keycloak down").isEqualTo(401);
        assertThat(call(null)).as("no token, Keycloak down").isEqualTo(401);

        // a restart on an in-memory database: the realm comes back with new signing keys
        startKeycloak();
        String afterRestart = token();
        assertThat(kid(afterRestart)).isNotEqualTo(kid(before));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> call(afterRestart) == 200);

        // an explicit rotation: a new active key with a higher priority signs the next tokens
        rotateKeys();
        String afterRotation = token();
        assertThat(kid(afterRotation)).isNotEqualTo(kid(afterRestart));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> call(afterRotation) == 200);
        assertThat(call(afterRestart)).as("the previous key is still published: its tokens stay valid").isEqualTo(200);
    }

    private static int call(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serviceUrl + "/test/caller"))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String token() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + CLIENT + "&client_secret=" + SECRET;
        return field(post("/realms/huduma/protocol/openid-connect/token", form, null), "access_token");
    }

    private static void rotateKeys() throws Exception {
        String admin = field(post("/realms/master/protocol/openid-connect/token", "grant_type=password&client_id=admin-cli"
                + "&username=" + enc(Infra.keycloakAdminUsername()) + "&password=" + enc(Infra.keycloakAdminPassword()),
                null), "access_token");
        HttpResponse<String> realm = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/admin/realms/huduma"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        String realmId = field(realm.body(), "id");
        String component = """
                {"name": "rotated-rsa", "providerId": "rsa-generated", "providerType": "org.keycloak.keys.KeyProvider",
                 "parentId": "%s", "config": {"priority": ["500"], "enabled": ["true"], "active": ["true"],
                 "algorithm": ["RS256"], "keySize": ["2048"]}}""".formatted(realmId);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/admin/realms/huduma/components"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(component)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static String post(String path, String form, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return field(header, "kid");
    }

    private static String tampered(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"svc-service-catalog\"", "\"svc-gateway\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String base() {
        return "http://localhost:" + port;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void startKeycloak() throws Exception {
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--db=dev-mem",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--health-enabled=true", "--hostname=http://localhost:" + port, "--import-realm");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", Infra.keycloakAdminUsername());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", Infra.keycloakAdminPassword());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().remove("KC_RUN_IN_CONTAINER");
        keycloak = builder.start();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(420).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(keycloak.isAlive()).as("private Keycloak running; see " + LOG).isTrue();
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("private Keycloak not ready; see " + LOG);
    }

    /** Stops the kc.sh process and the Keycloak JVM it started (this test's own, by their handles). */
    private static void stopKeycloak() throws Exception {
        if (keycloak == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(keycloak.descendants().toList());
        keycloak.destroy();
        keycloak.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle child : tree) {
            child.destroy();
            child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        keycloak = null;
    }

    private static boolean keycloakAnswers() {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/realms/huduma")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Path sharedKeycloakHome() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path keycloaks = dir.resolve(".huduma/keycloak");
            if (Files.isDirectory(keycloaks)) {
                try (var homes = Files.list(keycloaks)) {
                    return homes.filter(h -> Files.isRegularFile(h.resolve("bin/kc.sh"))).findFirst()
                            .orElseThrow(() -> new AssertionError("no Keycloak distribution in " + keycloaks));
                }
            }
        }
        throw new AssertionError("no .huduma/keycloak: start the test infrastructure once (./huduma infra up)");
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0).as(String.join(" ", command)).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
