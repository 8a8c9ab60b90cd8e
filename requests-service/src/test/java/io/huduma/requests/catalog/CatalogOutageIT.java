package io.huduma.requests.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.huduma.testkit.JsonHttp;
import io.huduma.requests.RequestsIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The catalogue failing: versions already known keep serving submissions; unknown ones are a 503
 * problem, and once the circuit breaker opens the catalogue is not even called until it has had time
 * to recover.
 */
class CatalogOutageIT extends RequestsIT {

    @AfterEach
    void catalogueBack() throws InterruptedException {
        catalog().failing(false);
        Thread.sleep(3_500); // breaker-open-for in tests is 3 s
    }

    @Test
    void knownVersionsServeOnUnknownOnesAre503AndTheBreakerStopsCallingAFailingCatalogue() throws Exception {
        UUID known = aBrelaService();
        submitted(AMINA, known);
        catalog().failing(true);

        assertThat(submitted(AMINA, known)).isNotNull();

        UUID unknown = aBrelaService();
        int callsWhenOpen = -1;
        for (int attempt = 0; attempt < 15 && callsWhenOpen < 0; attempt++) {
            int before = catalog().calls();
            JsonHttp.Response refused = submit(AMINA, submission(unknown, validAnswers()), UUID.randomUUID().toString());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            if (catalog().calls() == before) {
                callsWhenOpen = before;
            }
        }
        assertThat(callsWhenOpen).as("the breaker opened and stopped calling the catalogue").isPositive();
        assertThat(submit(AMINA, submission(unknown, validAnswers()), UUID.randomUUID().toString()).status()).isEqualTo(503);
        assertThat(catalog().calls()).isEqualTo(callsWhenOpen);

        catalog().failing(false);
        Thread.sleep(3_500);
        assertThat(submit(AMINA, submission(unknown, validAnswers()), UUID.randomUUID().toString()).status()).isEqualTo(201);
        assertThat(submit(AMINA, submission(aBrelaService(), validAnswers()), UUID.randomUUID().toString()).status())
                .isEqualTo(201);
    }
}
