package io.huduma.gateway;

import java.time.Duration;

import io.huduma.testkit.HudumaTestProperties;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every gateway integration test: one Spring context (same properties everywhere, so the
 * test framework shares it) on the build's real Eureka, Keycloak and a real redis-server, with fake
 * upstreams registered in Eureka under the services' ids. Limits are the production ones except where
 * a test needs to reach them quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "huduma.security.clock-skew=0s",
        "spring.cloud.loadbalancer.cache.enabled=false",
        "huduma.gateway.edge.cors-origins=https://portal.huduma.example",
        "huduma.gateway.edge.max-body-size=64KB",
        "huduma.gateway.rate-limits.sensitive.requests=3",
        "huduma.gateway.rate-limits.sensitive.period=6s",
        "huduma.gateway.rate-limits.channel.requests=4",
        "huduma.gateway.rate-limits.channel.period=1m",
        "huduma.gateway.circuit-breaker.minimum-number-of-calls=4",
        "huduma.gateway.circuit-breaker.sliding-window-size=4",
        "huduma.gateway.circuit-breaker.wait-duration-in-open-state=3s",
        "huduma.gateway.circuit-breaker.timeout=4s",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=3s"})
@org.springframework.context.annotation.Import(FakesOnly.class)
abstract class GatewayIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HudumaTestProperties.keycloak(registry);
        HudumaTestProperties.eureka(registry);
        registry.add("huduma.gateway.rate-limits.redis-url", TestRedis::uri);
        HudumaTestProperties.kafka(registry);
        CatalogDouble.APIS.add(AgencyApiIT.api("brela", "preloaded", "lb://brela-preloaded",
                io.huduma.contracts.catalog.v1.AccessPolicy.ACCESS_POLICY_PUBLIC,
                io.huduma.contracts.catalog.v1.AgencyApiStatus.AGENCY_API_STATUS_ACTIVE));
        registry.add("spring.grpc.client.channels.service-catalog.address", CatalogDouble::address);
    }

    private static final java.util.Map<String, FakeUpstream> UPSTREAMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One fake instance per service id for the whole test run, deregistered when the JVM ends. */
    static FakeUpstream upstream(String service) {
        return UPSTREAMS.computeIfAbsent(service, id -> {
            try {
                FakeUpstream upstream = new FakeUpstream(id);
                Runtime.getRuntime().addShutdownHook(new Thread(upstream::close));
                return upstream;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static FakeUpstream preloaded;

    /** The agency service behind the API the catalogue double lists at start (brela/preloaded). */
    static synchronized FakeUpstream preloadedAgencyUpstream() {
        if (preloaded == null) {
            try {
                preloaded = new FakeUpstream("brela-preloaded", java.util.Map.of("agency", "brela"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(preloaded::close));
        }
        return preloaded;
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    WebTestClient client;

    @org.springframework.beans.factory.annotation.Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry circuitBreakerRegistry;

    @BeforeEach
    void client() {
        client = client(port);
    }

    static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** Waits until the gateway's Eureka client has fetched an instance answering {@code probe}. */
    void awaitRoutable(String probe, FakeUpstream upstream) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            int status = client.get().uri(probe).exchange().returnResult(String.class).getStatus().value();
            if (status == 200) {
                upstream.received().clear();
                closeCircuits();
                return;
            }
            sleep(300);
        }
        throw new AssertionError("the gateway never routed " + probe);
    }

    /**
     * Closes every circuit: the failures recorded while an instance was not yet routable can open a
     * circuit on the very call that first succeeds (3 failures and 1 success is a 75% failure rate).
     */
    void closeCircuits() {
        circuitBreakerRegistry.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
