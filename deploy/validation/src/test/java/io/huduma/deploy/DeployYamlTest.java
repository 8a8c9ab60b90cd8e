package io.huduma.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** Every YAML file under deploy/ parses strictly, and the strict parser really refuses what it should. */
class DeployYamlTest {

    @Test
    void everyYamlFileUnderDeployParsesStrictly() {
        List<Path> files = Repo.deployYamlFiles();
        Set<Path> patches = patchFiles();
        List<String> problems = new ArrayList<>();
        int documents = 0;
        for (Path file : files) {
            try {
                documents += StrictManifests.parse(Repo.read(file), Repo.ROOT.relativize(file).toString(), patches.contains(file)).size();
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        }
        assertThat(problems).as("strict parse of deploy/**/*.yaml").isEmpty();
        assertThat(files).as("YAML files under deploy/").hasSizeGreaterThan(20);
        assertThat(documents).isGreaterThan(60);
    }

    /** Files that kustomizations use as patches: partial documents by nature. */
    @SuppressWarnings("unchecked")
    static Set<Path> patchFiles() {
        Set<Path> patches = new HashSet<>();
        for (Path file : Repo.deployYamlFiles()) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (var kustomization : StrictManifests.parse(Repo.read(file), file.toString())) {
                Object list = kustomization.tree().get("patches");
                if (list instanceof List<?> entries) {
                    for (Object entry : entries) {
                        Object path = ((Map<String, Object>) entry).get("path");
                        if (path != null) {
                            patches.add(file.getParent().resolve(path.toString()).normalize());
                        }
                    }
                }
            }
        }
        return patches;
    }

    @Test
    void kubernetesKindsAreTyped() {
        var manifests = StrictManifests.parse(Repo.read(Repo.K8S.resolve("base/apps/gateway.yaml")), "gateway.yaml");
        assertThat(manifests).anySatisfy(m -> assertThat(m.model()).isInstanceOf(V1Deployment.class));
        var topics = StrictManifests.parse(Repo.read(Repo.K8S.resolve("components/kafka/topics.yaml")), "topics.yaml");
        assertThat(topics).allSatisfy(m -> assertThat(m.model()).isInstanceOf(KafkaTopic.class));
    }

    @Test
    void anUnknownFieldFails() {
        assertRefused("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicaz: 2
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec: {containers: [{name: x, image: x}]}
                """, "replicaz");
        assertRefused("""
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec:
                  ports: [{port: 80, targetPort: http, protocoll: TCP}]
                """, "protocoll");
        assertRefused("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: x}
                spec: {topicName: x, partitionz: 3}
                """, "partitionz");
        assertRefused("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x}
                spec: {instances: 1, storage: {size: 1Gi}, instancez: 3}
                """, "instancez");
    }

    @Test
    void aWrongTypeFails() {
        assertRefused("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: two
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec: {containers: [{name: x, image: x}]}
                """, "Deployment");
        assertRefused("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: x}
                spec: {topicName: x, partitions: six}
                """, "KafkaTopic");
        assertRefused("""
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata: {name: x}
                spec:
                  instances: many
                  db: {vendor: postgres, host: h, database: d, usernameSecret: {name: s, key: k}, passwordSecret: {name: s, key: k}}
                  hostname: {hostname: "https://auth"}
                """, "instances");
    }

    @Test
    void anUnknownKindOrADuplicateKeyFails() {
        assertRefused("""
                apiVersion: example.org/v1
                kind: Gadget
                metadata: {name: x}
                """, "Gadget");
        assertRefused("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x}
                data: {A: "1"}
                data: {B: "2"}
                """, "duplicate");
    }

    private static void assertRefused(String yaml, String mentioned) {
        assertThatThrownBy(() -> StrictManifests.parse(yaml, "inline"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(mentioned);
    }
}
