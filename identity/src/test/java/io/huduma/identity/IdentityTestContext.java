package io.huduma.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import io.huduma.testkit.HudumaTestProperties;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The one test context of identity's ITs (the start-up contract and the feature ITs share it): the
 * build's real PostgreSQL (a fresh database), Kafka, Keycloak and Eureka, and notifications-service's
 * SendOtp served by {@link SendOtpDouble} on loopback.
 */
class IdentityTestContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new LinkedHashMap<>();
        HudumaTestProperties.all((name, value) -> properties.put(name, value.get()), "identity");
        properties.put("spring.grpc.client.channels.notifications-service.address",
                "static://127.0.0.1:" + SendOtpDouble.INSTANCE.port());
        properties.put("spring.grpc.client.channels.service-catalog.address",
                "static://127.0.0.1:" + SendOtpDouble.INSTANCE.port());
        // cheap hashing of the passwords held during sign-up, as the dev realm does
        properties.put("huduma.identity.keycloak.password-iterations", "1000");
        properties.put("huduma.identity.codes.pepper", "test-pepper-0123456789");
        properties.put("huduma.identity.codes.per-address-per-hour", "5");
        properties.put("huduma.identity.purge-interval", "2s");
        // the shared 2-core machine is slow under a full build: a first call also fetches a service token
        properties.put("huduma.identity.send-otp-deadline", "30s");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("identity-test", properties));
    }
}
