package io.huduma.catalog.agencyapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UpstreamPolicyTest {

    /** DNS as the tests need it: names resolve to fixed addresses, no network. */
    private static final Map<String, String> DNS = Map.of(
            "api.brela.go.tz", "196.192.72.10",
            "sneaky.example", "10.0.0.7",
            "rebind.example", "127.0.0.1");

    private static InetAddress[] resolve(String host) {
        try {
            if (DNS.containsKey(host)) {
                return new InetAddress[] {InetAddress.getByName(DNS.get(host))};
            }
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            return new InetAddress[0];
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    private final UpstreamPolicy production = new UpstreamPolicy(true, List.of("intranet.brela.go.tz"), UpstreamPolicyTest::resolve);
    private final UpstreamPolicy local = new UpstreamPolicy(false, List.of(), UpstreamPolicyTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"lb://brela-search", "https://api.brela.go.tz/v1", "https://196.192.72.10",
            "https://intranet.brela.go.tz", "https://[2001:4860:4860::8888]/"})
    void publicHttpsAndDiscoveryIdsAreAllowedInProduction(String upstream) {
        assertThat(production.refusal(upstream)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.brela.go.tz", "https://127.0.0.1", "https://localhost", "https://10.1.1.1",
            "https://172.16.0.1", "https://192.168.1.1", "https://169.254.169.254/latest/meta-data",
            "https://metadata.google.internal", "https://[::1]", "https://[fd00::1]", "https://[::ffff:10.0.0.1]",
            "https://100.64.0.1", "https://0.0.0.0", "https://sneaky.example", "https://rebind.example",
            "https://unknown.example", "https://user:pw@api.brela.go.tz", "https://api.brela.go.tz/?q=1",
            "ftp://api.brela.go.tz", "lb://Bad_Name", "lb://", "not a url", ""})
    void internalOrMalformedUpstreamsAreRefusedInProduction(String upstream) {
        assertThat(production.refusal(upstream)).isPresent();
    }

    @Test
    void theLocalStackMayUsePlainHttpOnLoopback() {
        assertThat(local.refusal("http://localhost:9000")).isEmpty();
        assertThat(local.refusal("http://127.0.0.1:9000/api")).isEmpty();
        assertThat(local.refusal("ftp://localhost")).isPresent();
        assertThat(local.refusal("http://u:p@localhost")).isPresent();
    }
}
