package io.huduma.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.huduma.contracts.Topics;
import io.huduma.contracts.catalog.v1.AccessPolicy;
import io.huduma.contracts.catalog.v1.AgencyApi;
import io.huduma.contracts.catalog.v1.AgencyApiChanged;
import io.huduma.contracts.catalog.v1.AgencyApiStatus;
import io.huduma.platform.events.EventEnvelopes;
import io.huduma.testkit.Tokens;
import io.huduma.testkit.TopicEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agency APIs live, through the real Kafka topic and the real Eureka: loaded at start, added, suspended and
 * removed by the catalogue's events without a restart, served only from instances carrying the agency's
 * metadata, with each access policy enforced at the edge and internal upstreams never served.
 */
class AgencyApiIT extends GatewayIT {

    private static final List<FakeUpstream> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterAll
    static void stopUpstreams() {
        STARTED.forEach(FakeUpstream::close);
    }

    @Test
    void apisListedByTheCatalogueAtStartAreServed() {
        // GatewayIT's catalogue double lists brela/preloaded -> lb://brela-preloaded
        FakeUpstream preloaded = GatewayIT.preloadedAgencyUpstream();
        awaitStatus("/agencies/brela/preloaded/hello", null, 200);
        assertThat(preloaded.last().path()).isEqualTo("/hello");
    }

    @Test
    void anAgencyServicePublishedByAnEventBecomesReachableAndGoesAwayWithoutRestart() throws IOException {
        String name = "search-" + suffix();
        FakeUpstream service = started(new FakeUpstream("brela-" + name, Map.of("agency", "brela")));
        String citizen = Tokens.forUser("citizen.amina");

        publish(api("brela", name, "lb://brela-" + name, AccessPolicy.ACCESS_POLICY_CITIZEN, AgencyApiStatus.AGENCY_API_STATUS_ACTIVE), false);
        awaitStatus("/agencies/brela/" + name + "/companies?q=acme", citizen, 200);
        FakeUpstream.Received received = service.last();
        assertThat(received.path()).isEqualTo("/companies");
        assertThat(received.query()).isEqualTo("q=acme");
        assertThat(received.header("X-Huduma-Subject")).isEqualTo(Tokens.claims(citizen).get("sub"));
        assertThat(received.header("X-Huduma-Roles")).contains("citizen");
        assertThat(received.header("Authorization")).as("the agency's own service inside the platform gets the token")
                .isEqualTo("Bearer " + citizen);

        EdgeIT.problem(client.get().uri("/agencies/brela/" + name + "/companies").exchange(), 401);
        EdgeIT.problem(client.get().uri("/agencies/brela/" + name + "/companies")
                .header("Authorization", "Bearer " + Tokens.forUser("officer.brela")).exchange(), 403);
        EdgeIT.problem(client.get().uri("/agencies/brela/" + name + "/companies")
                .header("Authorization", "Bearer " + Tokens.tamperSignature(citizen)).exchange(), 401);

        publish(api("brela", name, "lb://brela-" + name, AccessPolicy.ACCESS_POLICY_CITIZEN, AgencyApiStatus.AGENCY_API_STATUS_SUSPENDED), false);
        awaitStatus("/agencies/brela/" + name + "/companies", citizen, 503);
        EdgeIT.problem(client.get().uri("/agencies/brela/" + name + "/companies").header("Authorization", "Bearer " + citizen).exchange(), 503);

        publish(api("brela", name, "lb://brela-" + name, AccessPolicy.ACCESS_POLICY_CITIZEN, AgencyApiStatus.AGENCY_API_STATUS_ACTIVE), true);
        awaitStatus("/agencies/brela/" + name + "/companies", citizen, 404);
        EdgeIT.problem(client.get().uri("/agencies/brela/" + name + "/companies").header("Authorization", "Bearer " + citizen).exchange(), 404);
    }

    @Test
    void staffOfTheAgencyOnlyWhenThePolicySaysSo() throws IOException {
        String name = "registry-" + suffix();
        started(new FakeUpstream("brela-" + name, Map.of("agency", "brela")));
        publish(api("brela", name, "lb://brela-" + name, AccessPolicy.ACCESS_POLICY_AGENCY_STAFF, AgencyApiStatus.AGENCY_API_STATUS_ACTIVE), false);
        awaitStatus("/agencies/brela/" + name + "/x", Tokens.forUser("officer.brela"), 200);
        EdgeIT.problem(client.get().uri("/agencies/brela/" + name + "/x")
                .header("Authorization", "Bearer " + Tokens.forUser("officer.rita")).exchange(), 403);
        EdgeIT.problem(client.get().uri("/agencies/brela/" + name + "/x")
                .header("Authorization", "Bearer " + Tokens.forUser("citizen.amina")).exchange(), 403);
    }

    @Test
    void anInstanceCarryingAnotherAgencysMetadataIsNeverUsed() throws IOException {
        String name = "impostor-" + suffix();
        FakeUpstream impostor = started(new FakeUpstream("rita-" + name, Map.of("agency", "rita")));
        publish(api("brela", name, "lb://rita-" + name, AccessPolicy.ACCESS_POLICY_PUBLIC, AgencyApiStatus.AGENCY_API_STATUS_ACTIVE), false);
        awaitStatus("/agencies/brela/" + name + "/x", null, 503);
        EdgeIT.problem(client.get().uri("/agencies/brela/" + name + "/x").exchange(), 503);
        assertThat(impostor.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lb://identity", "lb://service-catalog", "lb://discovery", "https://127.0.0.1:8761/",
            "http://169.254.169.254/", "https://169.254.169.254/latest/meta-data", "https://10.0.0.1", "https://[::1]/",
            "https://localhost/", "https://[::ffff:10.0.0.1]/", "https://[64:ff9b::a9fe:a9fe]/", "https://[2002:a00:1::]/",
            "https://[::ffff:0:a00:1]/", "https://[fd00::1]/", "https://metadata.google.internal/"})
    void internalUpstreamsAreNeverServed(String upstream) {
        FakeUpstream identity = upstream("identity");
        String name = "bad-" + suffix();
        publish(api("brela", name, upstream, AccessPolicy.ACCESS_POLICY_PUBLIC, AgencyApiStatus.AGENCY_API_STATUS_ACTIVE), false);
        // a later, served API of the same agency proves the bad one's event was handled
        String marker = "marker-" + suffix();
        publish(api("brela", marker, "lb://brela-preloaded", AccessPolicy.ACCESS_POLICY_PUBLIC, AgencyApiStatus.AGENCY_API_STATUS_ACTIVE), false);
        GatewayIT.preloadedAgencyUpstream();
        awaitStatus("/agencies/brela/" + marker + "/x", null, 200);
        identity.received().clear();
        EdgeIT.problem(client.get().uri("/agencies/brela/" + name + "/actuator/health").exchange(), 404);
        assertThat(identity.received()).isEmpty();
    }

    @Test
    void aLateEventNeverUndoesANewerOneAcrossARemoveAndReRegister() throws IOException {
        String name = "ordered-" + suffix();
        started(new FakeUpstream("brela-" + name, Map.of("agency", "brela")));
        AgencyApi active = api("brela", name, "lb://brela-" + name, AccessPolicy.ACCESS_POLICY_PUBLIC, AgencyApiStatus.AGENCY_API_STATUS_ACTIVE);
        java.time.Instant now = java.time.Instant.now();
        publishAt(active, false, now);
        awaitStatus("/agencies/brela/" + name + "/x", null, 200);
        publishAt(active, true, now.plusSeconds(1));
        awaitStatus("/agencies/brela/" + name + "/x", null, 404);
        // a re-registration under a new id (another key, perhaps another partition) delivered late, with its
        // older time: the removal stays
        AgencyApi older = active.toBuilder().setId(UUID.randomUUID().toString()).build();
        publishAt(older, false, now.minusSeconds(30));
        String marker = "marker-" + suffix();
        GatewayIT.preloadedAgencyUpstream();
        publish(api("brela", marker, "lb://brela-preloaded", AccessPolicy.ACCESS_POLICY_PUBLIC, AgencyApiStatus.AGENCY_API_STATUS_ACTIVE), false);
        awaitStatus("/agencies/brela/" + marker + "/x", null, 200);
        EdgeIT.problem(client.get().uri("/agencies/brela/" + name + "/x").exchange(), 404);
        // and a newer re-registration is served again
        publishAt(older, false, now.plusSeconds(2));
        awaitStatus("/agencies/brela/" + name + "/x", null, 200);
    }

    private static FakeUpstream started(FakeUpstream upstream) {
        STARTED.add(upstream);
        return upstream;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static AgencyApi api(String agency, String name, String upstream, AccessPolicy access, AgencyApiStatus status) {
        return AgencyApi.newBuilder().setId(UUID.nameUUIDFromBytes((agency + "/" + name).getBytes()).toString())
                .setAgencyCode(agency).setName(name).setUpstream(upstream).setAccessPolicy(access)
                .setRateLimitPerMinute(600).setTimeoutMillis(5000).setStatus(status)
                .setPublicPath("/agencies/" + agency + "/" + name).build();
    }

    private static void publish(AgencyApi api, boolean removed) {
        AgencyApiChanged changed = AgencyApiChanged.newBuilder().setApi(api)
                .setChange(removed ? AgencyApiChanged.Change.CHANGE_REMOVED : AgencyApiChanged.Change.CHANGE_UPSERTED).build();
        TopicEvents.publish(Topics.CATALOG_AGENCY_APIS, EventEnvelopes.wrap("service-catalog", api.getId(), api.getAgencyCode(), changed));
    }

    private static void publishAt(AgencyApi api, boolean removed, java.time.Instant at) {
        AgencyApiChanged changed = AgencyApiChanged.newBuilder().setApi(api)
                .setChange(removed ? AgencyApiChanged.Change.CHANGE_REMOVED : AgencyApiChanged.Change.CHANGE_UPSERTED).build();
        TopicEvents.publish(Topics.CATALOG_AGENCY_APIS, EventEnvelopes.wrap("service-catalog", api.getId(), api.getAgencyCode(), changed)
                .toBuilder().setTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano())).build());
    }

    private void awaitStatus(String path, String token, int status) {
        long deadline = System.currentTimeMillis() + 60_000;
        int last = 0;
        while (System.currentTimeMillis() < deadline) {
            last = (token == null ? client.get().uri(path) : client.get().uri(path).header("Authorization", "Bearer " + token))
                    .exchange().returnResult(String.class).getStatus().value();
            if (last == status) {
                if (status == 200) {
                    closeCircuits();
                }
                return;
            }
            sleep(300);
        }
        throw new AssertionError(path + " never answered " + status + " (last " + last + ")");
    }

}
