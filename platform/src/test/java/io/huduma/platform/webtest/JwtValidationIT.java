package io.huduma.platform.webtest;

import static io.huduma.testkit.ProblemResponses.assertProblem;
import static io.huduma.testkit.ProblemResponses.assertRejectedToken;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

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

/**
 * The servlet resource server against the build's real Keycloak: its tokens are accepted and turn
 * into a {@code Caller}; every kind of bad token is a 401 problem, the wrong role a 403 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "huduma.security.clock-skew=0s")
class JwtValidationIT {

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
        String token = Tokens.forUser(DemoUsers.OFFICER_BRELA);

        HttpResponse<String> response = get("/test/caller", token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode caller = JSON.readTree(response.body());
        assertThat(caller.path("subject").asString()).isEqualTo(Tokens.claims(token).get("sub"));
        assertThat(caller.path("roles").toString()).contains("agency-officer");
        assertThat(caller.path("agency").asString()).isEqualTo(DemoUsers.AGENCY_BRELA);
        assertThat(caller.path("anonymous").asBoolean()).isFalse();
    }

    @Test
    void aCitizenHasNoAgency() throws Exception {
        HttpResponse<String> response = get("/test/caller", Tokens.forUser(DemoUsers.CITIZEN_AMINA));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode caller = JSON.readTree(response.body());
        assertThat(caller.path("roles").toString()).contains("citizen");
        assertThat(caller.path("agency").asString()).isEqualTo("null");
    }

    @Test
    void aServiceTokenCarriesTheInternalServiceRole() throws Exception {
        HttpResponse<String> response = get("/test/caller", Tokens.serviceToken("service-catalog"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("roles").toString()).contains("internal-service");
    }

    @Test
    void theRightRolePassesAndTheWrongRoleIsA403Problem() throws Exception {
        assertThat(get("/test/citizen/me", Tokens.forUser(DemoUsers.CITIZEN_AMINA)).statusCode()).isEqualTo(200);

        HttpResponse<String> denied = get("/test/citizen/me", Tokens.forUser(DemoUsers.OFFICER_BRELA));

        assertProblem(denied, 403, "forbidden");
        assertThat(denied.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("insufficient_scope"));
    }

    @Test
    void noTokenIsA401ProblemButPublicEndpointsStayOpen() throws Exception {
        HttpResponse<String> response = get("/test/caller", null);
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));

        HttpResponse<String> open = get("/test/public/hello", null);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(open.body()).path("anonymous").asBoolean()).isTrue();
    }

    @Test
    void aTamperedSignatureIsRejected() throws Exception {
        assertRejectedToken(get("/test/caller", Tokens.tamperSignature(Tokens.forUser(DemoUsers.CITIZEN_AMINA))));
    }

    @Test
    void editedClaimsAreRejected() throws Exception {
        String token = Tokens.forUser(DemoUsers.OFFICER_BRELA);
        assertRejectedToken(get("/test/caller", Tokens.tamperClaims(token, Map.of("agency", DemoUsers.AGENCY_RITA))));
    }

    @Test
    void algNoneIsRejected() throws Exception {
        assertRejectedToken(get("/test/caller", Tokens.algNone(Tokens.forUser(DemoUsers.CITIZEN_AMINA))));
    }

    @Test
    void aSelfSignedCopyIsRejected() throws Exception {
        String real = Tokens.forUser(DemoUsers.PLATFORM_ADMIN);
        assertRejectedToken(get("/test/caller", Tokens.selfSigned(Tokens.claims(real))));
    }

    @Test
    void aTokenIsAcceptedUntilItExpiresThenRejected() throws Exception {
        String shortLived = Tokens.forUser(DemoUsers.CITIZEN_AMINA, DemoUsers.SHORT_LIVED_CLIENT);
        assertThat(get("/test/caller", shortLived).statusCode()).as("fresh").isEqualTo(200);

        long exp = ((Number) Tokens.claims(shortLived).get("exp")).longValue();
        Thread.sleep(Math.max(0, (exp + 1) * 1000 - System.currentTimeMillis()));

        assertRejectedToken(get("/test/caller", shortLived));
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() throws Exception {
        assertRejectedToken(get("/test/caller", Tokens.fromElsewhere()));
    }

    @Test
    void aTokenWithoutTheApiAudienceIsRejected() throws Exception {
        String token = Tokens.forUser(DemoUsers.CITIZEN_AMINA, DemoUsers.NO_AUDIENCE_CLIENT);
        assertThat(String.valueOf(Tokens.claims(token).get("aud"))).doesNotContain("huduma-api");

        assertRejectedToken(get("/test/caller", token));
    }
}
