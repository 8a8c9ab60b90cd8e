package io.huduma.gateway.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The connect-time check: an agency upstream's name that now resolves inside is refused, whatever it resolved to before. */
class GuardedResolverTest {

    private final GuardedResolver resolver = new GuardedResolver(Set.of("api.brela.go.tz", "intranet.brela.go.tz")::contains,
            Set.of("intranet.brela.go.tz")::contains);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.7", "169.254.169.254", "192.168.1.1", "::1", "fd00::1", "64:ff9b::a00:1",
            "2002:a00:1::1", "::ffff:0:a00:1", "fe80::1", "224.0.0.1", "0.0.0.0"})
    void anAgencyNameReboundToAnInternalAddressIsRefused(String address) throws UnknownHostException {
        InetAddress[] rebound = {InetAddress.getByName(address)};
        assertThatThrownBy(() -> resolver.check("api.brela.go.tz", rebound)).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("not a public address");
    }

    @Test
    void publicAddressesExemptNamesAndOtherNamesResolve() throws UnknownHostException {
        InetAddress[] publicAddress = {InetAddress.getByName("196.192.72.10")};
        InetAddress[] loopback = {InetAddress.getByName("127.0.0.1")};
        assertThat(resolver.check("api.brela.go.tz", publicAddress)).containsExactly(publicAddress);
        assertThat(resolver.check("intranet.brela.go.tz", loopback)).as("allow-listed by name").containsExactly(loopback);
        assertThat(resolver.check("identity.internal", loopback)).as("not an agency upstream: the platform's own").containsExactly(loopback);
    }
}
