package io.huduma.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.huduma.deploy.StrictManifests.Manifest;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;

/** Deny by default; each port open only to the callers docs/architecture.md names. */
class NetworkPolicyTest {

    /** gRPC server -> its named callers (docs/architecture.md; web-portal comes later). */
    static final Map<String, Set<String>> GRPC_CALLERS = Map.of(
            "service-catalog", Set.of("gateway", "identity", "requests-service", "notifications-service", "ussd-service"),
            "notifications-service", Set.of("identity"),
            "identity", Set.of("notifications-service", "ussd-service"),
            "requests-service", Set.of("ussd-service", "notifications-service"));

    private final List<Manifest> dev = Rendered.overlay("dev");

    @Test
    void everythingIsDeniedUnlessAllowed() {
        V1NetworkPolicy deny = policy("default-deny");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        for (String module : Repo.deployableModules()) {
            assertThat(policy(module).getSpec().getPodSelector().getMatchLabels())
                    .as("policy of " + module).containsEntry("app.kubernetes.io/name", module);
        }
    }

    @Test
    void grpcPortsAreOpenOnlyToTheirNamedCallers() {
        GRPC_CALLERS.forEach((server, callers) -> {
            int grpc = Repo.defaultPort(Repo.applicationConfig(server), "spring.grpc.server.port");
            Set<String> allowed = new TreeSet<>();
            for (V1NetworkPolicyIngressRule rule : ingress(server)) {
                if (opens(rule.getPorts(), grpc)) {
                    for (V1NetworkPolicyPeer peer : rule.getFrom()) {
                        assertThat(peer.getNamespaceSelector()).as(server + " gRPC from another namespace").isNull();
                        assertThat(peer.getIpBlock()).as(server + " gRPC from addresses").isNull();
                        allowed.add(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
                    }
                }
            }
            assertThat(allowed).as("callers allowed on " + server + " gRPC " + grpc).isEqualTo(new TreeSet<>(callers));
            for (String caller : callers) {
                assertThat(egress(caller)).as(caller + " may dial " + server + " gRPC").anySatisfy(rule -> {
                    assertThat(opens(rule.getPorts(), grpc)).isTrue();
                    assertThat(rule.getTo()).anySatisfy(peer ->
                            assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", server));
                });
            }
        });
    }

    @Test
    void onlyTheIngressControllerReachesTheGatewayAndOnlyTheGatewayReachesTheServicesRest() {
        List<V1NetworkPolicyIngressRule> gateway = ingress("gateway");
        assertThat(gateway).as("the ingress controller, and the web portal (a client of the public API)").hasSize(2);
        assertThat(gateway.get(0).getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels()).containsKey("kubernetes.io/metadata.name");
            assertThat(peer.getPodSelector()).isNull();
        });
        assertThat(gateway.get(1).getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector()).isNull();
            assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "web-portal");
        });
        gateway.forEach(rule -> assertThat(rule.getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getPort().getIntValue()).isEqualTo(8080)));
        // the portal calls only the public API: no service's REST or gRPC port directly
        for (V1NetworkPolicyEgressRule rule : egress("web-portal")) {
            rule.getTo().forEach(peer -> assertThat(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                    .as("web-portal egress").isNotIn(GRPC_CALLERS.keySet()));
        }
        for (String module : GRPC_CALLERS.keySet()) {
            int http = Repo.defaultPort(Repo.applicationConfig(module), "server.port");
            List<V1NetworkPolicyIngressRule> rest = ingress(module).stream().filter(r -> opens(r.getPorts(), http)).toList();
            assertThat(rest).singleElement().satisfies(rule -> assertThat(rule.getFrom()).singleElement()
                    .satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "gateway")));
        }
    }

    @Test
    void theRegistryIsReachableOnlyFromThePlatformsPods() {
        assertThat(ingress("discovery")).singleElement().satisfies(rule -> assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector()).isNull();
            assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/part-of", "huduma");
            assertThat(peer.getPodSelector().getMatchExpressions()).singleElement().satisfies(e -> {
                assertThat(e.getKey()).isEqualTo("app.kubernetes.io/component");
                assertThat(e.getValues()).containsExactlyInAnyOrder("gateway", "service");
            });
        }));
    }

    @Test
    void egressGoesOnlyToNamedPortsAndOutsideOnlyFromTheGatewayAndNotifications() {
        for (String module : Repo.deployableModules()) {
            for (V1NetworkPolicyEgressRule rule : egress(module)) {
                assertThat(rule.getPorts()).as(module + " egress without ports").isNotEmpty();
                assertThat(rule.getTo()).as(module + " egress to anywhere").isNotEmpty();
                boolean external = rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null);
                if (external) {
                    assertThat(module).as("only these leave the cluster").isIn("gateway", "notifications-service");
                    rule.getTo().forEach(peer -> assertThat(peer.getIpBlock().getExcept())
                            .as(module + " external egress excludes private ranges").contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"));
                }
            }
        }
        assertThat(egress("notifications-service")).anySatisfy(rule -> assertThat(rule.getPorts())
                .extracting(p -> p.getPort().getIntValue()).contains(587, 2775, 443));
    }

    private V1NetworkPolicy policy(String name) {
        return Rendered.get(dev, "NetworkPolicy", name, V1NetworkPolicy.class);
    }

    private List<V1NetworkPolicyIngressRule> ingress(String module) {
        return Objects.requireNonNullElse(policy(module).getSpec().getIngress(), List.of());
    }

    private List<V1NetworkPolicyEgressRule> egress(String module) {
        return Objects.requireNonNullElse(policy(module).getSpec().getEgress(), List.of());
    }

    private static boolean opens(List<V1NetworkPolicyPort> ports, int port) {
        return ports != null && ports.stream().anyMatch(p -> p.getPort() != null && p.getPort().isInteger() && p.getPort().getIntValue() == port);
    }
}
