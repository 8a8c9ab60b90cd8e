package io.huduma.platform.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpstreamPolicyTest {

    /** DNS as the tests need it: names resolve to fixed addresses, no network. */
    private static final Map<String, String> DNS = Map.of(
            "api.brela.go.tz", "196.192.72.10",
            "sneaky.example", "10.0.0.7",
            "rebind.example", "127.0.0.1",
            "nat64.example", "64:ff9b::a00:1",
            "v6.brela.go.tz", "2c0f:fe38::10");

    private static InetAddress[] resolve(String host) {
        try {
            if (DNS.containsKey(host)) {
                return new InetAddress[] {InetAddress.getByName(DNS.get(host))};
            }
            if (host.equals("localhost")) {
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            return new InetAddress[0];
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    /** The same rules in every profile: only the allow-lists differ. */
    private final UpstreamPolicy policy = new UpstreamPolicy(List.of("intranet.brela.go.tz"), List.of(), UpstreamPolicyTest::resolve);
    private final UpstreamPolicy localDemo = new UpstreamPolicy(List.of(), List.of(9900), UpstreamPolicyTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"lb://brela-search", "https://api.brela.go.tz/v1", "https://196.192.72.10",
            "https://intranet.brela.go.tz", "https://[2001:4860:4860::8888]/", "https://v6.brela.go.tz"})
    void publicHttpsAndAgencyDiscoveryIdsAreAllowed(String upstream) {
        assertThat(policy.refusal(upstream)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the platform's own modules, whatever the metadata says
            "lb://identity", "lb://gateway", "lb://service-catalog", "lb://requests-service", "lb://notifications-service",
            "lb://discovery",
            // loopback, private, link-local, metadata, CGNAT, unspecified, multicast
            "http://api.brela.go.tz", "https://127.0.0.1", "https://127.0.0.1:8761/", "https://localhost", "https://10.1.1.1",
            "https://172.16.0.1", "https://192.168.1.1", "https://169.254.169.254/latest/meta-data", "http://169.254.169.254/",
            "https://metadata.google.internal", "https://100.64.0.1", "https://0.0.0.0", "https://224.0.0.1",
            "https://kubernetes.default.svc", "https://identity.huduma.svc.cluster.local",
            // IPv6: loopback, unique local, link-local, multicast and forms that embed IPv4
            "https://[::1]", "https://[fd00::1]", "https://[fe80::1]", "https://[ff02::1]", "https://[::ffff:10.0.0.1]",
            "https://[::ffff:7f00:1]", "https://[::10.0.0.1]", "https://[::ffff:0:a00:1]", "https://[64:ff9b::a00:1]",
            "https://[64:ff9b::a9fe:a9fe]", "https://[64:ff9b:1::a00:1]", "https://[2002:a00:1::1]",
            "https://[2002:a9fe:a9fe::]", "https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]", "https://[2001:db8::1]", "https://[::]",
            // names that resolve inside, or not at all
            "https://sneaky.example", "https://rebind.example", "https://nat64.example", "https://unknown.example",
            // malformed
            "https://user:pw@api.brela.go.tz", "https://api.brela.go.tz/?q=1", "https://api.brela.go.tz/#x",
            "ftp://api.brela.go.tz", "file:///etc/passwd", "lb://Bad_Name", "lb://", "not a url", ""})
    void internalOrMalformedUpstreamsAreRefusedInEveryProfile(String upstream) {
        assertThat(policy.refusal(upstream)).isPresent();
    }

    @Test
    void theLocalStackAllowsOnlyItsListedLoopbackPorts() {
        assertThat(localDemo.refusal("http://localhost:9900")).isEmpty();
        assertThat(localDemo.refusal("http://127.0.0.1:9900/api")).isEmpty();
        assertThat(localDemo.refusal("http://127.0.0.1:8761/")).as("the registry is not a demo port").isPresent();
        assertThat(localDemo.refusal("http://localhost:8081")).isPresent();
        assertThat(localDemo.refusal("http://10.0.0.7:9900")).as("only loopback").isPresent();
        assertThat(localDemo.refusal("http://u:p@localhost:9900")).isPresent();
        assertThat(localDemo.refusal("lb://identity")).isPresent();
    }
}
