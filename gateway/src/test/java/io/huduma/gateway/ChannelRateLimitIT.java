package io.huduma.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A USSD aggregator's callbacks draw on a budget of their own per address (GatewayIT sets it to 4 a
 * minute), not on the anonymous budget the same address has for everything else.
 */
class ChannelRateLimitIT extends GatewayIT {

    @Test
    void anAggregatorsCallbacksHaveABudgetOfTheirOwn() {
        // the fakes are shared by the whole run (GatewayIT.upstream): never closed here
        FakeUpstream ussd = upstream("ussd-service");
        FakeUpstream identity = upstream("identity");
        awaitRoutable("/identity/v3/api-docs", identity);
        long deadline = System.currentTimeMillis() + 60_000;
        while (callback(client).returnResult(String.class).getStatus().value() != 200) {
            assertThat(System.currentTimeMillis()).as("the gateway routes the callback").isLessThan(deadline);
            TestRedis.flush();
            sleep(300);
        }
        closeCircuits();
        TestRedis.flush();
        ussd.received().clear();

        for (int i = 0; i < 4; i++) {
            callback(client).expectStatus().isOk();
        }
        callback(client).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        assertThat(ussd.received()).hasSize(4);

        String remaining = client.get().uri("/identity/v3/api-docs").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("RateLimit-Remaining");
        assertThat(Long.parseLong(remaining)).as("the anonymous budget was not drawn on").isGreaterThan(250);
        TestRedis.flush();
    }

    private static WebTestClient.ResponseSpec callback(WebTestClient client) {
        return client.post().uri("/api/v1/ussd/callback").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("sessionId=s1&serviceCode=*152*00%23&phoneNumber=%2B255712000001&text=").exchange();
    }
}
