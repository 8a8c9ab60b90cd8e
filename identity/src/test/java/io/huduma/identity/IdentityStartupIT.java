package io.huduma.identity;

import io.huduma.testkit.ServiceStartupContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** identity starts on the real infrastructure, registers in Eureka and answers gRPC health through it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = IdentityTestContext.class)
class IdentityStartupIT extends ServiceStartupContract {

    IdentityStartupIT() {
        super("identity");
    }
}
