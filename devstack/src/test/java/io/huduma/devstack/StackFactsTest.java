package io.huduma.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every place that repeats a fact of stack.properties (each service's application.yaml, the
 * README's ports table, the realm's dev overlay, the huduma script) agrees with it.
 */
class StackFactsTest {

    private static final Path ROOT = Path.of(System.getProperty("huduma.root", "..")).toAbsolutePath().normalize();
    private final StackFacts facts = StackFacts.load(ROOT);

    @Test
    void eachServiceDefaultsToItsPortsFromTheStackFacts() throws IOException {
        for (String service : facts.services()) {
            String yaml = Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.yaml"));
            assertThat(yaml).as("%s/application.yaml: HTTP port", service)
                    .contains("${PORT:" + facts.port(service) + "}");
            if (facts.grpcServices().contains(service)) {
                assertThat(yaml).as("%s/application.yaml: gRPC port (HTTP port + grpc.offset)", service)
                        .contains("${GRPC_PORT:" + facts.grpcPort(service) + "}");
            }
            if (facts.managementServices().contains(service)) {
                assertThat(yaml).as("%s/application.yaml: management port (HTTP port + management.offset)", service)
                        .contains("${MANAGEMENT_PORT:" + facts.managementPort(service) + "}");
            }
        }
    }

    @Test
    void theReadmePortsTableMatches() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String fromPorts = readme.substring(readme.indexOf("## Ports"));
        String table = fromPorts.substring(0, fromPorts.indexOf("\n## ", 3));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String service : facts.services()) {
            String port = String.valueOf(facts.port(service));
            rows.put(service, facts.grpcServices().contains(service)
                    ? port + " (gRPC " + facts.grpcPort(service) + ")"
                    : facts.managementServices().contains(service)
                    ? port + " (management " + facts.managementPort(service) + ", not published)" : port);
        }
        rows.put("Keycloak", facts.port("keycloak") + " (management/health " + facts.port("keycloak-management") + ")");
        rows.put("PostgreSQL", String.valueOf(facts.port("postgres")));
        rows.put("Kafka", String.valueOf(facts.port("kafka")));
        rows.put("SMTP", String.valueOf(facts.port("smtp")));
        rows.put("SMPP", String.valueOf(facts.port("smpp")));
        rows.put("inbox", String.valueOf(facts.port("inbox")));
        rows.put("Redis", String.valueOf(facts.port("redis")));
        rows.forEach((label, port) -> assertThat(table)
                .as("README ports table row for %s", label)
                .containsPattern("(?m)^\\| " + Pattern.quote(label) + "[^|]*\\| " + Pattern.quote(port) + " \\|$"));
    }

    @Test
    void theDevOverlayHasExactlyTheDemoAccounts() throws IOException {
        JsonNode overlay = JsonMapper.builder().build().readTree(
                ROOT.resolve("devstack/src/main/resources/keycloak/huduma-realm-dev-overlay.json").toFile());
        Map<String, String> users = new LinkedHashMap<>();
        for (JsonNode user : overlay.path("users")) {
            String role = user.path("realmRoles").get(0).asString();
            JsonNode agency = user.path("attributes").path("agency");
            users.put(user.path("username").asString(), agency.isMissingNode() ? role : role + ":" + agency.get(0).asString());
            assertThat(user.path("credentials").get(0).path("value").asString())
                    .as("password of %s", user.path("username").asString()).isEqualTo(facts.demoPassword());
        }
        assertThat(users).containsExactlyEntriesOf(facts.demoUsers());
    }

    @Test
    void theScriptWritesNoPortOfItsOwn() throws IOException {
        String script = Files.readString(ROOT.resolve("huduma"));
        List<String> literal = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        facts.services().forEach(service -> {
            ports.add(facts.port(service));
            ports.add(facts.grpcPort(service));
            ports.add(facts.managementPort(service));
        });
        for (String component : List.of("postgres", "kafka", "keycloak", "keycloak-management", "smtp", "smpp", "inbox", "redis")) {
            ports.add(facts.port(component));
        }
        for (int port : ports) {
            Matcher matcher = Pattern.compile("\\b" + port + "\\b").matcher(script);
            if (matcher.find()) {
                literal.add(String.valueOf(port));
            }
        }
        assertThat(literal).as("ports written into ./huduma instead of read from stack.properties").isEmpty();
        assertThat(script).doesNotContain(facts.demoPassword());
    }

    @Test
    void theLocalPortsComeFromTheFacts() {
        StackPorts local = StackPorts.local(facts);
        assertThat(local.postgres()).isEqualTo(facts.port("postgres"));
        assertThat(local.keycloak()).isEqualTo(facts.port("keycloak"));
        assertThat(local.eureka()).isEqualTo(facts.port("discovery"));
    }
}
