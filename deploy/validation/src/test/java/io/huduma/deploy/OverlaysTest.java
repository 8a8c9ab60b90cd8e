package io.huduma.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.huduma.deploy.StrictManifests.Manifest;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** Each overlay renders with kustomize, parses strictly, and its workloads are locked down. */
class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void rendersAndParsesStrictlyIntoItsNamespace(String overlay) {
        List<Manifest> manifests = Rendered.overlay(overlay);
        assertThat(manifests).hasSizeGreaterThan(60);
        String namespace = Rendered.ofKind(manifests, "Namespace").get(0).name();
        assertThat(manifests).filteredOn(m -> !m.kind().equals("Namespace"))
                .allSatisfy(m -> assertThat(m.map("metadata").get("namespace")).as(m.toString()).isEqualTo(namespace));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyWorkloadRunsLockedDown(String overlay) {
        List<Manifest> manifests = Rendered.overlay(overlay);
        List<Manifest> deployments = Rendered.ofKind(manifests, "Deployment");
        assertThat(deployments).hasSizeGreaterThanOrEqualTo(Repo.deployableModules().size());
        for (Manifest manifest : deployments) {
            V1PodSpec pod = manifest.as(V1Deployment.class).getSpec().getTemplate().getSpec();
            String what = overlay + " " + manifest.name();
            assertThat(pod.getAutomountServiceAccountToken()).as(what + " automount").isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(what + " runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(what + " runAsUser").isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(what + " seccomp").isEqualTo("RuntimeDefault");
            V1ServiceAccount account = Rendered.get(manifests, "ServiceAccount", pod.getServiceAccountName(), V1ServiceAccount.class);
            assertThat(account.getAutomountServiceAccountToken()).as(what + " service account token").isFalse();
            for (V1Container container : pod.getContainers()) {
                var security = container.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).as(what + " privilege escalation").isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(what + " read-only root").isTrue();
                assertThat(security.getCapabilities().getDrop()).as(what + " capabilities").containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as(what + " added capabilities").isNullOrEmpty();
                assertThat(container.getResources().getRequests()).as(what + " requests").containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(what + " limits").containsKey("memory");
                assertThat(container.getReadinessProbe()).as(what + " readiness").isNotNull();
                assertThat(container.getLivenessProbe()).as(what + " liveness").isNotNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theJvmsGetAWritableTmpAndDrainBeforeTheKill(String overlay) {
        List<Manifest> manifests = Rendered.overlay(overlay);
        V1ConfigMap platform = Rendered.get(manifests, "ConfigMap", "huduma-platform", V1ConfigMap.class);
        Duration shutdownPhase = Duration.ofSeconds(Long.parseLong(
                platform.getData().get("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE").replace("s", "")));
        assertThat(platform.getData()).containsEntry("SERVER_SHUTDOWN", "graceful");
        for (String module : Repo.deployableModules()) {
            V1PodSpec pod = Rendered.get(manifests, "Deployment", module, V1Deployment.class).getSpec().getTemplate().getSpec();
            V1Container container = pod.getContainers().get(0);
            assertThat(container.getVolumeMounts()).as(module + " /tmp")
                    .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            String tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst().orElseThrow().getName();
            assertThat(pod.getVolumes()).anySatisfy(v -> {
                assertThat(v.getName()).isEqualTo(tmp);
                assertThat(v.getEmptyDir()).isNotNull();
            });
            int preStop = container.getLifecycle().getPreStop().getSleep().getSeconds().intValue();
            assertThat(preStop).as(module + " preStop sleep (endpoints removed before shutdown)").isBetween(3, 30);
            assertThat((long) pod.getTerminationGracePeriodSeconds())
                    .as(module + ": preStop + Spring's shutdown phase must end before the kill")
                    .isGreaterThan(preStop + shutdownPhase.toSeconds());
            assertThat(container.getStartupProbe()).as(module + " startup probe").isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theGatewayAndTheServicesScaleAndKeepABudget(String overlay) {
        List<Manifest> manifests = Rendered.overlay(overlay);
        for (String module : Repo.deployableModules()) {
            if (module.equals("discovery")) {
                continue;
            }
            var hpa = Rendered.get(manifests, "HorizontalPodAutoscaler", module, V2HorizontalPodAutoscaler.class);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(module);
            assertThat(Rendered.find(manifests, "PodDisruptionBudget", module)).as(module + " PDB").isPresent();
            assertThat(Rendered.get(manifests, "Deployment", module, V1Deployment.class).getSpec().getReplicas())
                    .as(module + ": replicas belong to the HPA").isNull();
        }
    }

    @Test
    void devIsOneSmallReplicaOfEverything() {
        List<Manifest> dev = Rendered.overlay("dev");
        assertThat(Rendered.ofKind(dev, "HorizontalPodAutoscaler"))
                .allSatisfy(m -> assertThat(m.as(V2HorizontalPodAutoscaler.class).getSpec().getMaxReplicas()).isEqualTo(1));
        assertThat(Rendered.get(dev, "KafkaNodePool", "dual-role", KafkaNodePool.class).getSpec().getReplicas()).isEqualTo(1);
        assertThat(Rendered.find(dev, "Cluster", "huduma-postgres").orElseThrow().map("spec").get("instances")).isEqualTo(1);
    }

    @Test
    void prodIsHighlyAvailable() {
        List<Manifest> prod = Rendered.overlay("prod");
        assertThat(Rendered.ofKind(prod, "HorizontalPodAutoscaler"))
                .allSatisfy(m -> assertThat(m.as(V2HorizontalPodAutoscaler.class).getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2));
        for (String module : Repo.deployableModules()) {
            if (module.equals("discovery")) {
                continue;
            }
            var affinity = Rendered.get(prod, "Deployment", module, V1Deployment.class).getSpec().getTemplate().getSpec().getAffinity();
            assertThat(affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                    .as(module + " spread over nodes")
                    .anySatisfy(term -> assertThat(term.getPodAffinityTerm().getLabelSelector().getMatchLabels())
                            .containsEntry("app.kubernetes.io/name", module));
        }
        assertThat(Rendered.get(prod, "KafkaNodePool", "dual-role", KafkaNodePool.class).getSpec().getReplicas()).isEqualTo(3);
        Map<String, Object> kafkaConfig = Rendered.get(prod, "Kafka", "huduma-kafka", Kafka.class).getSpec().getKafka().getConfig();
        assertThat(kafkaConfig).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2);
        assertThat(Rendered.ofKind(prod, "KafkaTopic")).allSatisfy(m -> {
            KafkaTopic topic = m.as(KafkaTopic.class);
            assertThat(topic.getSpec().getReplicas()).as(topic.getSpec().getTopicName()).isEqualTo(3);
            assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
        });
        assertThat(Rendered.find(prod, "Cluster", "huduma-postgres").orElseThrow().map("spec").get("instances")).isEqualTo(3);
        assertThat(Rendered.find(prod, "Keycloak", "huduma-keycloak").orElseThrow().map("spec").get("instances")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    @SuppressWarnings("unchecked")
    void everyClientRedirectsOnlyToExactAddressesOfItsEnvironment(String overlay) {
        Manifest realmImport = Rendered.ofKind(Rendered.overlay(overlay), "KeycloakRealmImport").get(0);
        Map<String, Object> realm = (Map<String, Object>) realmImport.map("spec").get("realm");
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        assertThat(clients).allSatisfy(client -> {
            List<String> redirects = (List<String>) client.getOrDefault("redirectUris", List.of());
            assertThat(redirects).as(client.get("clientId") + " redirect URIs").noneMatch(uri -> uri.contains("*"));
            Map<String, Object> attributes = (Map<String, Object>) client.getOrDefault("attributes", Map.of());
            assertThat(String.valueOf(attributes.getOrDefault("post.logout.redirect.uris", "")))
                    .as(client.get("clientId") + " post-logout URIs").doesNotContain("*");
        });
        String host = overlay.equals("prod") ? "https://huduma.go.tz" : "https://dev.huduma.go.tz";
        Map<String, Object> web = clients.stream().filter(c -> "huduma-web".equals(c.get("clientId"))).findFirst().orElseThrow();
        assertThat((List<String>) web.get("redirectUris")).containsExactly(host + "/auth/callback");
        assertThat(((Map<String, Object>) web.get("attributes")).get("post.logout.redirect.uris")).isEqualTo(host + "/");
        Map<String, Object> portal = clients.stream().filter(c -> "huduma-portal".equals(c.get("clientId"))).findFirst().orElseThrow();
        assertThat((List<String>) portal.get("redirectUris")).containsExactly(host + "/login/oauth2/code/keycloak");
        assertThat(portal.get("rootUrl")).isEqualTo(host);
        assertThat(((Map<String, Object>) portal.get("attributes")).get("post.logout.redirect.uris")).isEqualTo(host + "/");
        // the browser origin the gateway's CORS admits is the portal's host of the same environment
        assertThat(Rendered.find(Rendered.overlay(overlay), "ConfigMap", "gateway").orElseThrow().map("data").get("CORS_ORIGINS"))
                .isEqualTo(host);
    }
}
