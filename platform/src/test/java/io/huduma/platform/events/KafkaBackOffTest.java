package io.huduma.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

/** The consumer back-off waits out an outage of minutes, doubling, capped, then gives up. */
class KafkaBackOffTest {

    @Test
    void theDefaultsDoubleFromOneSecondToAMinuteAndSpanSeveralMinutes() {
        KafkaEventsProperties defaults = new KafkaEventsProperties(12, Duration.ofSeconds(1), Duration.ofSeconds(60),
                ".dlt", new KafkaEventsProperties.Topics(true, 3, (short) 1, Duration.ofDays(7)));
        BackOffExecution execution = KafkaEventsAutoConfiguration.backOff(defaults).start();
        List<Long> pauses = new ArrayList<>();
        for (long pause = execution.nextBackOff(); pause != BackOffExecution.STOP; pause = execution.nextBackOff()) {
            pauses.add(pause);
        }
        assertThat(pauses).hasSize(12);
        assertThat(pauses.subList(0, 4)).containsExactly(1_000L, 2_000L, 4_000L, 8_000L);
        assertThat(pauses).allSatisfy(pause -> assertThat(pause).isLessThanOrEqualTo(60_000L));
        assertThat(pauses.stream().mapToLong(Long::longValue).sum()).isGreaterThan(Duration.ofMinutes(5).toMillis());
    }
}
