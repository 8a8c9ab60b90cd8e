package io.huduma.devstack;

import io.huduma.discovery.DiscoveryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real {@code discovery} application (Eureka server) inside the test devstack, with the registry
 * caches and self-preservation off and a fast eviction, so tests see registrations and deregistrations
 * within a second or two.
 */
final class EurekaServer implements AutoCloseable {

    /** The registry's dev credentials (the discovery module's local/test profiles use the same password). */
    static final String USER = "huduma";
    static final String PASSWORD = "dev-eureka-password";

    private final ConfigurableApplicationContext context;
    private final int port;

    private EurekaServer(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    static EurekaServer start(int port) {
        // command-line arguments: they outrank the discovery module's own application.yaml
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DiscoveryApplication.class)
                .registerShutdownHook(false)
                .run("--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--spring.main.banner-mode=off",
                        "--logging.register-shutdown-hook=false",
                        "--huduma.discovery.username=" + USER,
                        "--huduma.discovery.password=" + PASSWORD,
                        "--eureka.instance.hostname=127.0.0.1",
                        "--eureka.client.register-with-eureka=false",
                        "--eureka.client.fetch-registry=false",
                        "--eureka.server.use-read-only-response-cache=false",
                        "--eureka.server.enable-self-preservation=false",
                        "--eureka.server.eviction-interval-timer-in-ms=1000",
                        "--eureka.server.response-cache-update-interval-ms=1000",
                        "--eureka.server.wait-time-in-ms-when-sync-empty=0");
        return new EurekaServer(context, port);
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + port + "/eureka/";
    }

    @Override
    public void close() {
        context.close();
    }
}
