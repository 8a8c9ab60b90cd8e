package io.huduma.platform.gatewaytest;

import static io.huduma.testkit.ProblemResponses.assertProblem;
import static io.huduma.testkit.ProblemResponses.assertRejectedToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;

import io.huduma.testkit.BearerHttp;
import io.huduma.testkit.DemoUsers;
import io.huduma.testkit.HudumaTestProperties;
import io.huduma.testkit.Tokens;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's (reactive) resource server against the real Keycloak: the twin of the servlet JwtValidationIT. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=reactive", "huduma.security.clock-skew=0s"})
class ReactiveJwtValidationIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        HudumaTestProperties.keycloak(registry);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return BearerHttp.get(port, path, token);
    }

    @Test
    void aRealTokenIsAcceptedAndTheCallerComesThrough() throws Exception {
        String token = Tokens.forUser(DemoUsers.ADMIN_RITA);

        HttpResponse<String> response = get("/gw/caller", token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode caller = JSON.readTree(response.body());
        assertThat(caller.path("subject").asString()).isEqualTo(Tokens.claims(token).get("sub"));
        assertThat(caller.path("roles").toString()).contains("agency-admin");
        assertThat(caller.path("agency").asString()).isEqualTo(DemoUsers.AGENCY_RITA);
    }

    @Test
    void noTokenIsA401AndTheWrongRoleA403() throws Exception {
        assertProblem(get("/gw/caller", null), 401, "unauthenticated");
        assertThat(get("/gw/citizen/me", Tokens.forUser(DemoUsers.CITIZEN_JUMA)).statusCode()).isEqualTo(200);
        assertProblem(get("/gw/citizen/me", Tokens.forUser(DemoUsers.ADMIN_RITA)), 403, "forbidden");
    }

    @Test
    void forgedTokensAreRejected() throws Exception {
        String real = Tokens.forUser(DemoUsers.CITIZEN_JUMA);
        assertRejectedToken(get("/gw/caller", Tokens.tamperSignature(real)));
        assertRejectedToken(get("/gw/caller", Tokens.algNone(real)));
        assertRejectedToken(get("/gw/caller", Tokens.selfSigned(Tokens.claims(real))));
    }

    @Test
    void anotherIssuerOrAudienceIsRejected() throws Exception {
        assertRejectedToken(get("/gw/caller", Tokens.fromElsewhere()));
        assertRejectedToken(get("/gw/caller", Tokens.forUser(DemoUsers.CITIZEN_JUMA, DemoUsers.NO_AUDIENCE_CLIENT)));
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        String shortLived = Tokens.forUser(DemoUsers.CITIZEN_JUMA, DemoUsers.SHORT_LIVED_CLIENT);
        assertThat(get("/gw/caller", shortLived).statusCode()).as("fresh").isEqualTo(200);

        long exp = ((Number) Tokens.claims(shortLived).get("exp")).longValue();
        Thread.sleep(Math.max(0, (exp + 1) * 1000 - System.currentTimeMillis()));

        assertRejectedToken(get("/gw/caller", shortLived));
    }
}
