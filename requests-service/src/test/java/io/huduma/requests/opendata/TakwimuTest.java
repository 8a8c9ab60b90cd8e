package io.huduma.requests.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.huduma.requests.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

class TakwimuTest {

    private final Takwimu takwimu = new Takwimu(new WorkingCalendar(ZoneId.of("Africa/Dar_es_Salaam"), List.of()));
    private final UUID service = UUID.randomUUID();

    @Test
    void medianAndNearestRankPercentile() {
        assertThat(Takwimu.median(List.of(1, 2, 3, 4))).isEqualTo(2.5);
        assertThat(Takwimu.median(List.of(7))).isEqualTo(7.0);
        assertThat(Takwimu.percentile(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90)).isEqualTo(9);
        assertThat(Takwimu.percentile(List.of(2, 4, 5, 6, 11), 90)).isEqualTo(11);
    }

    @Test
    void fiveIsEnoughFourIsSuppressedZeroIsShown() {
        List<Decision> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(decision("2026-05-04T06:00:00Z", "REJECTED", "2026-05-05T06:00:00Z"));
        }
        StatisticsRow row = takwimu.compute(requests).get(0);
        assertThat(row.submitted()).isEqualTo(5);
        assertThat(row.rejected()).isEqualTo(5);
        assertThat(row.approved()).isZero();
        assertThat(row.medianWorkingDaysToDecision()).isEqualTo(1.0);
        assertThat(row.decidedWithinSlaShare()).isEqualTo(1.0);

        StatisticsRow small = takwimu.compute(requests.subList(0, 4)).get(0);
        assertThat(small.submitted()).isNull();
        assertThat(small.rejected()).isNull();
        assertThat(small.medianWorkingDaysToDecision()).isNull();
        assertThat(small.p90WorkingDaysToDecision()).isNull();
    }

    @Test
    void theMonthIsTakenInDarEsSalaam() {
        StatisticsRow row = takwimu.compute(List.of(decision("2026-04-30T22:00:00Z", "SUBMITTED", null))).get(0);
        assertThat(row.month()).isEqualTo("2026-05");
    }

    @Test
    void csvQuotesNames() {
        StatisticsRow row = takwimu.compute(List.of(decision("2026-05-04T06:00:00Z", "SUBMITTED", null))).get(0);
        assertThat(row.csv()).startsWith("2026-05,brela," + service + ",\"Jina, \"\"la\"\" huduma\",\"Name\",,0,0,0,0,,,");
    }

    private Decision decision(String submitted, String status, String decided) {
        return new Decision("brela", service, "Jina, \"la\" huduma", "Name", Instant.parse(submitted), status,
                decided == null ? null : Instant.parse(decided), LocalDate.of(2026, 5, 11), 0);
    }
}
