package io.huduma.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.huduma.deploy.StrictManifests.Manifest;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** The manifests agree with the code: modules, ports, probes, images, secrets, topics, Keycloak clients. */
class CodeAgreementTest {

    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";

    @Test
    void everyDeployableModuleHasADeploymentAndAServiceNamedAfterIt() {
        List<Manifest> dev = Rendered.overlay("dev");
        for (String module : Repo.deployableModules()) {
            assertThat(Rendered.find(dev, "Deployment", module)).as("Deployment " + module).isPresent();
            assertThat(Rendered.find(dev, "Service", module)).as("Service " + module).isPresent();
            assertThat(Rendered.find(dev, "ConfigMap", module)).as("ConfigMap " + module).isPresent();
            assertThat(Rendered.find(dev, "ServiceAccount", module)).as("ServiceAccount " + module).isPresent();
        }
    }

    @Test
    void portsAndProbesAreTheOnesTheApplicationsListenOn() {
        List<Manifest> dev = Rendered.overlay("dev");
        Properties stack = Repo.stack();
        int grpcOffset = Integer.parseInt(stack.getProperty("grpc.offset"));
        for (String module : Repo.deployableModules()) {
            Map<String, Object> config = Repo.applicationConfig(module);
            Integer http = Repo.defaultPort(config, "server.port");
            Integer grpc = Repo.defaultPort(config, "spring.grpc.server.port");
            Integer management = Repo.defaultPort(config, "management.server.port");
            assertThat(http).as(module + " server.port").isEqualTo(Integer.valueOf(stack.getProperty("port." + module)));
            if (grpc != null) {
                assertThat(grpc).as(module + " gRPC port = HTTP + offset").isEqualTo(http + grpcOffset);
            }
            assertThat(config.get("management.endpoint.health.probes.enabled")).as(module + " health probes").isEqualTo(true);

            V1Container container = Rendered.get(dev, "Deployment", module, V1Deployment.class)
                    .getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (V1ContainerPort port : container.getPorts()) {
                ports.put(port.getName(), port.getContainerPort());
            }
            Map<String, Integer> expected = new LinkedHashMap<>();
            expected.put("http", http);
            if (grpc != null) {
                expected.put("grpc", grpc);
            }
            if (management != null) {
                expected.put("management", management);
            }
            assertThat(ports).as(module + " container ports").isEqualTo(expected);

            Map<String, String> data = Rendered.get(dev, "ConfigMap", module, V1ConfigMap.class).getData();
            assertThat(data).as(module + " PORT").containsEntry("PORT", http.toString());
            if (grpc != null) {
                assertThat(data).as(module + " GRPC_PORT").containsEntry("GRPC_PORT", grpc.toString());
            }
            String probePort = management != null ? "management" : "http";
            assertProbe(module + " startup", container.getStartupProbe().getHttpGet(), LIVENESS, probePort);
            assertProbe(module + " liveness", container.getLivenessProbe().getHttpGet(), LIVENESS, probePort);
            assertProbe(module + " readiness", container.getReadinessProbe().getHttpGet(), READINESS, probePort);

            Map<String, Integer> servicePorts = new LinkedHashMap<>();
            for (V1ServicePort port : Rendered.get(dev, "Service", module, V1Service.class).getSpec().getPorts()) {
                servicePorts.put(port.getName(), port.getPort());
                assertThat(port.getTargetPort().getStrValue()).as(module + " Service targets the named port").isEqualTo(port.getName());
            }
            Map<String, Integer> exposed = new LinkedHashMap<>(expected);
            exposed.remove("management");
            assertThat(servicePorts).as(module + " Service ports (HTTP and gRPC)").isEqualTo(exposed);
        }
    }

    private static void assertProbe(String what, V1HTTPGetAction probe, String path, String port) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getPath()).as(what + " path").isEqualTo(path);
        assertThat(probe.getPort().getStrValue()).as(what + " port").isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void imagesAreNamedAfterTheirModules(String overlay) {
        for (String module : Repo.deployableModules()) {
            String image = Rendered.get(Rendered.overlay(overlay), "Deployment", module, V1Deployment.class)
                    .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            String name = image.replaceAll("[:@].*$", "");
            assertThat(name.substring(name.lastIndexOf('/') + 1)).as(overlay + " image of " + module).isEqualTo(module);
            assertThat(image).as(overlay + " image of " + module + " has a tag").contains(":");
        }
    }

    @Test
    void everyEnvironmentVariableSetIsOneTheApplicationReads() {
        List<Manifest> dev = Rendered.overlay("dev");
        Set<String> readByAny = new HashSet<>();
        for (String module : Repo.deployableModules()) {
            Set<String> read = placeholders(module);
            readByAny.addAll(read);
            Set<String> set = new LinkedHashSet<>(Rendered.get(dev, "ConfigMap", module, V1ConfigMap.class).getData().keySet());
            List<V1EnvVar> env = Rendered.get(dev, "Deployment", module, V1Deployment.class)
                    .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            Set<String> expanded = new HashSet<>();
            if (env != null) {
                env.forEach(e -> set.add(e.getName()));
                // a variable only used inside another's value, $(NAME), is read by Kubernetes, not the application
                env.stream().filter(e -> e.getValue() != null).forEach(e -> {
                    Matcher x = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)").matcher(e.getValue());
                    while (x.find()) {
                        expanded.add(x.group(1));
                    }
                });
            }
            set.removeAll(expanded);
            // canonical Spring names (SPRING_*, SERVER_*, HUDUMA_*, JAVA_TOOL_OPTIONS) bind without a placeholder
            set.removeIf(name -> name.matches("(SPRING|SERVER|HUDUMA|MANAGEMENT|EUREKA_INSTANCE)_.*|JAVA_TOOL_OPTIONS"));
            assertThat(read).as(module + ": variables set on the Deployment but read nowhere in application.yaml").containsAll(set);
        }
        Set<String> platform = new LinkedHashSet<>(Rendered.get(dev, "ConfigMap", "huduma-platform", V1ConfigMap.class).getData().keySet());
        platform.removeIf(name -> name.matches("(SPRING|SERVER|HUDUMA)_.*|JAVA_TOOL_OPTIONS"));
        assertThat(readByAny).as("huduma-platform variables read by some module").containsAll(platform);
    }

    private static Set<String> placeholders(String module) {
        String yaml = Repo.read(Repo.ROOT.resolve(module).resolve("src/main/resources/application.yaml"));
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(yaml);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everySecretReferencedIsDocumentedAndEveryConfigMapDeclared(String overlay) {
        List<Manifest> manifests = Rendered.overlay(overlay);
        String readme = Repo.read(Repo.DEPLOY.resolve("README.md"));
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        Set<String> configMaps = new LinkedHashSet<>();
        for (Manifest m : Rendered.ofKind(manifests, "Deployment")) {
            var pod = m.as(V1Deployment.class).getSpec().getTemplate().getSpec();
            for (V1Container c : pod.getContainers()) {
                if (c.getEnvFrom() != null) {
                    c.getEnvFrom().forEach(from -> {
                        if (from.getConfigMapRef() != null) {
                            configMaps.add(from.getConfigMapRef().getName());
                        }
                        if (from.getSecretRef() != null) {
                            secrets.computeIfAbsent(from.getSecretRef().getName(), k -> new LinkedHashSet<>());
                        }
                    });
                }
                if (c.getEnv() != null) {
                    for (V1EnvVar e : c.getEnv()) {
                        if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                            secrets.computeIfAbsent(e.getValueFrom().getSecretKeyRef().getName(), k -> new LinkedHashSet<>())
                                    .add(e.getValueFrom().getSecretKeyRef().getKey());
                        }
                        if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                            configMaps.add(e.getValueFrom().getConfigMapKeyRef().getName());
                        }
                    }
                }
            }
        }
        for (Manifest m : Rendered.ofKind(manifests, "Ingress")) {
            m.as(V1Ingress.class).getSpec().getTls().forEach(tls -> secrets.computeIfAbsent(tls.getSecretName(), k -> new LinkedHashSet<>()).add("tls.crt"));
        }
        collectCustomResourceSecrets(manifests, secrets);

        assertThat(secrets).as("Secrets referenced").containsKeys("huduma-db-identity", "huduma-svc-gateway", "huduma-api-tls");
        assertThat(Rendered.ofKind(manifests, "Secret")).as("no Secret with values is ever committed").isEmpty();
        secrets.forEach((name, keys) -> {
            assertThat(readme).as("deploy/README.md documents Secret " + name).contains("`" + name + "`");
            keys.forEach(key -> assertThat(readme).as("deploy/README.md documents key " + key + " of " + name).contains(key));
        });
        for (String name : configMaps) {
            assertThat(Rendered.find(manifests, "ConfigMap", name)).as("ConfigMap " + name + " declared").isPresent();
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectCustomResourceSecrets(List<Manifest> manifests, Map<String, Set<String>> secrets) {
        for (Manifest m : manifests) {
            walk(m.tree(), (parentKey, map) -> {
                // CNPG passwordSecret {name}, Keycloak usernameSecret/passwordSecret {name,key}, realm placeholders {secret:{name,key}}
                if (parentKey != null && (parentKey.endsWith("Secret") || parentKey.equals("secret") || parentKey.equals("secretKeyRef"))
                        && map.get("name") instanceof String name && !m.kind().equals("Deployment")) {
                    Set<String> keys = secrets.computeIfAbsent(name, k -> new LinkedHashSet<>());
                    if (map.get("key") instanceof String key) {
                        keys.add(key);
                    }
                }
            });
        }
    }

    interface Visitor {
        void visit(String parentKey, Map<String, Object> map);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, Visitor visitor) {
        walk(null, node, visitor);
    }

    @SuppressWarnings("unchecked")
    private static void walk(String key, Object node, Visitor visitor) {
        if (node instanceof Map<?, ?> map) {
            visitor.visit(key, (Map<String, Object>) map);
            map.forEach((k, v) -> walk(String.valueOf(k), v, visitor));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(key, item, visitor));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyTopicOfTheEventsPageHasAKafkaTopicAndADeadLetterTopic(String overlay) {
        List<String> expected = new ArrayList<>();
        for (String topic : Repo.topics()) {
            expected.add(topic);
            expected.add(topic + ".dlt");
        }
        assertThat(Repo.topics()).as("topics in docs/events.md").hasSizeGreaterThanOrEqualTo(6);
        List<String> declared = Rendered.ofKind(Rendered.overlay(overlay), "KafkaTopic").stream()
                .map(m -> m.as(KafkaTopic.class))
                .peek(t -> assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "huduma-kafka"))
                .map(t -> t.getSpec().getTopicName())
                .toList();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceClientOfTheRealmHasItsSecretOnItsModule() {
        List<Manifest> dev = Rendered.overlay("dev");
        Map<String, Object> realm = tools.jackson.databind.json.JsonMapper.builder().build()
                .readValue(Repo.read(RealmImportGenerator.REALM), Map.class);
        Map<String, Object> placeholders = (Map<String, Object>) Rendered.find(dev, "KeycloakRealmImport", "huduma-realm")
                .orElseThrow().map("spec").get("placeholders");
        List<String> serviceClients = ((List<Map<String, Object>>) realm.get("clients")).stream()
                .map(c -> c.get("clientId").toString())
                .filter(id -> id.startsWith(RealmImportGenerator.SERVICE_CLIENT_PREFIX))
                .toList();
        assertThat(serviceClients).isNotEmpty();
        for (String client : serviceClients) {
            String module = client.substring(RealmImportGenerator.SERVICE_CLIENT_PREFIX.length());
            assertThat(Repo.deployableModules()).as(client + " names a deployable module").contains(module);
            List<V1EnvVar> env = Rendered.get(dev, "Deployment", module, V1Deployment.class)
                    .getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            assertThat(env).as(module + " reads the secret of " + client + " (huduma.service-auth.client-secret)")
                    .anySatisfy(e -> {
                        assertThat(e.getName()).isEqualTo("HUDUMA_SERVICEAUTH_CLIENTSECRET");
                        assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(RealmImportGenerator.secretName(client));
                        assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("client-secret");
                    });
            assertThat(placeholders).as("the realm import takes " + client + "'s secret from the same Secret")
                    .containsEntry(RealmImportGenerator.placeholder(client),
                            Map.of("secret", Map.of("name", RealmImportGenerator.secretName(client), "key", "client-secret")));
        }
    }

    @Test
    void everyModuleTalksToTheRegistryWithItsCredentialsFromTheSecret() {
        List<Manifest> dev = Rendered.overlay("dev");
        for (String module : Repo.deployableModules()) {
            if (!module.equals("discovery")) {
                Object zone = Repo.applicationConfig(module).get("eureka.client.service-url.defaultZone");
                assertThat(String.valueOf(zone)).as(module + ": registry URL with the credentials in its user info")
                        .contains("${EUREKA_USER", "${EUREKA_PASSWORD", "@${EUREKA_ADDRESS");
            }
            V1Container container = Rendered.get(dev, "Deployment", module, V1Deployment.class)
                    .getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> fromSecret = new LinkedHashMap<>();
            for (V1EnvVar env : container.getEnv() == null ? List.<V1EnvVar>of() : container.getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    fromSecret.put(env.getName(), env.getValueFrom().getSecretKeyRef().getName());
                }
            }
            assertThat(fromSecret).as(module + ": registry credentials from Secret huduma-eureka")
                    .containsEntry("EUREKA_USER", "huduma-eureka").containsEntry("EUREKA_PASSWORD", "huduma-eureka");
        }
    }
}
