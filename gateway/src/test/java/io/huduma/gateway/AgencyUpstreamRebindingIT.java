package io.huduma.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.huduma.contracts.Topics;
import io.huduma.gateway.agency.UpstreamLookup;
import io.huduma.contracts.catalog.v1.AccessPolicy;
import io.huduma.contracts.catalog.v1.AgencyApi;
import io.huduma.contracts.catalog.v1.AgencyApiChanged;
import io.huduma.contracts.catalog.v1.AgencyApiStatus;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.platform.net.UpstreamPolicy;
import io.huduma.testkit.TopicEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;

/**
 * DNS rebinding, end to end through the gateway's real HTTP client: an agency's https upstream whose name
 * resolved to a public address when it was registered (and when the call was checked) resolves to loopback
 * when the gateway connects. The connect-time resolver refuses it: a 502 problem, and the service listening
 * on that loopback port receives nothing.
 * <p>
 * The two answers come from two lookups of one name, as a rebinding DNS server gives them: the registration
 * check sees a public address and the routing client's lookup, asked by Netty through the gateway's guarded
 * resolver, sees 127.0.0.1 (two test resolvers; loopback only). Its own context, because it replaces the
 * gateway's upstream policy and lookup.
 */
@Import(AgencyUpstreamRebindingIT.RebindingDns.class)
class AgencyUpstreamRebindingIT extends GatewayIT {

    /** The agency's name, served by a DNS server that rebinds it. */
    static final String NAME = "api.rebinding.example";
    /** What the name answered at registration and when the call was checked: a public address. */
    static final String PUBLIC_ADDRESS = "196.192.72.10";
    /** The names the gateway's HTTP client resolved while connecting. */
    static final List<String> ASKED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class RebindingDns {

        @Bean
        @Primary
        UpstreamPolicy rebindingPolicy() {
            return new UpstreamPolicy(List.of(), List.of(), host -> {
                try {
                    return NAME.equals(host) ? new InetAddress[] {InetAddress.getByName(PUBLIC_ADDRESS)}
                            : InetAddress.getAllByName(host);
                } catch (UnknownHostException e) {
                    return new InetAddress[0];
                }
            });
        }

        /** When the gateway connects, the same name answers loopback. */
        @Bean
        UpstreamLookup reboundLookup() {
            return host -> {
                ASKED.add(host);
                return NAME.equals(host) ? new InetAddress[] {InetAddress.getLoopbackAddress()} : InetAddress.getAllByName(host);
            };
        }
    }

    private static FakeUpstream inside;

    @AfterAll
    static void stopInside() {
        if (inside != null) {
            inside.close();
        }
    }

    @Test
    void aNameReboundToLoopbackAfterItsCheckIsRefusedWhenTheGatewayConnects() throws IOException {
        inside = new FakeUpstream("rebinding-target");
        String name = "rebound-" + Long.toString(System.nanoTime(), 36);
        AgencyApi api = AgencyApiIT.api("brela", name, "https://" + NAME + ":" + inside.port() + "/",
                AccessPolicy.ACCESS_POLICY_PUBLIC, AgencyApiStatus.AGENCY_API_STATUS_ACTIVE);
        TopicEvents.publish(Topics.CATALOG_AGENCY_APIS, EventEnvelopes.wrap("service-catalog", api.getId(), api.getAgencyCode(),
                AgencyApiChanged.newBuilder().setApi(api).setChange(AgencyApiChanged.Change.CHANGE_UPSERTED).build()));

        // 404 until the event has made the route; then every call is refused at connect time
        String path = "/agencies/brela/" + name + "/internal/admin";
        long deadline = System.currentTimeMillis() + 60_000;
        int status = 404;
        while (status == 404 && System.currentTimeMillis() < deadline) {
            sleep(300);
            status = client.get().uri(path).exchange().returnResult(String.class).getStatus().value();
        }
        assertThat(status).as("the route exists and the call is refused").isEqualTo(502);
        client.get().uri(path).exchange().expectStatus().isEqualTo(502)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .isEqualTo("The upstream of brela/" + name + " is refused or unknown."));
        assertThat(ASKED).as("the routing client resolved the name at connect time, through the guard").contains(NAME);
        assertThat(inside.received()).as("nothing reached the address inside").isEmpty();
    }
}
