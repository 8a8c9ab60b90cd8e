package io.huduma.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at the build's shared infrastructure. Call from a
 * {@code @DynamicPropertySource} method:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infra(DynamicPropertyRegistry r) { HudumaTestProperties.all(r, "service-catalog"); }
 * }</pre>
 */
public final class HudumaTestProperties {

    private HudumaTestProperties() {
    }

    /** Database, Kafka, Keycloak and Eureka, with a fresh database named after the module. */
    public static void all(DynamicPropertyRegistry registry, String module) {
        database(registry, module);
        kafka(registry);
        keycloak(registry);
        eureka(registry);
        registry.add("spring.grpc.server.port", () -> "0");
    }

    /** A fresh database of its own on the shared PostgreSQL server. */
    public static void database(DynamicPropertyRegistry registry, String module) {
        String url = Infra.freshDatabase(module);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", Infra::postgresUser);
        registry.add("spring.datasource.password", Infra::postgresPassword);
    }

    /**
     * The shared broker, with a consumer group of this context's own: Spring keeps test contexts
     * alive, and two live contexts in one group would split the partitions between them.
     */
    public static void kafka(DynamicPropertyRegistry registry) {
        String group = "test-" + java.util.UUID.randomUUID();
        registry.add("spring.kafka.bootstrap-servers", Infra::kafkaBootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> group);
        registry.add("spring.kafka.consumer.auto-offset-reset", () -> "earliest");
    }

    /** Resource-server and service-account settings for the real Keycloak. */
    public static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("huduma.keycloak.url", Infra::keycloakUrl);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", Infra::issuer);
    }

    /** Spring's mail sender pointed at the devstack's SMTP server (read mails back with {@link Inbox}). */
    public static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", Infra::smtpHost);
        registry.add("spring.mail.port", Infra::smtpPort);
    }

    /** Registers with the shared Eureka, with intervals short enough for tests. */
    public static void eureka(DynamicPropertyRegistry registry) {
        registry.add("eureka.client.enabled", () -> "true");
        registry.add("eureka.client.service-url.defaultZone", Infra::eurekaServiceUrl);
        registry.add("eureka.client.registry-fetch-interval-seconds", () -> "1");
        registry.add("eureka.client.initial-instance-info-replication-interval-seconds", () -> "1");
        registry.add("eureka.client.instance-info-replication-interval-seconds", () -> "1");
        registry.add("eureka.instance.lease-renewal-interval-in-seconds", () -> "1");
        // a test JVM that dies without deregistering leaves no instance behind for long
        registry.add("eureka.instance.lease-expiration-duration-in-seconds", () -> "5");
        registry.add("eureka.instance.prefer-ip-address", () -> "true");
        registry.add("eureka.instance.ip-address", () -> "127.0.0.1");
    }
}
