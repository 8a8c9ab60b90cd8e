package io.huduma.notifications;

import io.huduma.testkit.HudumaTestProperties;
import io.huduma.testkit.ServiceStartupContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** notifications-service starts on the real infrastructure, registers in Eureka and answers gRPC health through it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsStartupIT extends ServiceStartupContract {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HudumaTestProperties.all(registry, "notifications-service");
    }

    NotificationsStartupIT() {
        super("notifications-service");
    }
}
