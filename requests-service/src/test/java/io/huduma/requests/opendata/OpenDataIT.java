package io.huduma.requests.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.huduma.testkit.JsonHttp;
import io.huduma.requests.RequestsIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Takwimu huria against a known data set: the numbers, suppression, CSV parsed back, caching headers. */
class OpenDataIT extends RequestsIT {

    private static final String PERSON = "fixture-citizen-subject";

    private String agency;
    private UUID serviceA;
    private UUID serviceB;

    @BeforeEach
    void knownDataSet() throws InterruptedException {
        agency = "takwimu-" + UUID.randomUUID().toString().substring(0, 8);
        serviceA = UUID.randomUUID();
        serviceB = UUID.randomUUID();
        // service A, March 2026 (times in UTC; Dar es Salaam is UTC+3)
        insert(serviceA, "2026-03-02T05:00:00Z", "APPROVED", "2026-03-04T10:00:00Z", "2026-03-09", 0);   // 2 working days
        insert(serviceA, "2026-03-02T05:00:00Z", "APPROVED", "2026-03-06T10:00:00Z", "2026-03-09", 0);   // 4
        insert(serviceA, "2026-03-03T05:00:00Z", "REJECTED", "2026-03-10T10:00:00Z", "2026-03-10", 0);   // 5
        insert(serviceA, "2026-03-03T05:00:00Z", "COMPLETED", "2026-03-13T10:00:00Z", "2026-03-12", 2);  // 8 - 2 paused = 6, late
        insert(serviceA, "2026-03-05T05:00:00Z", "APPROVED", "2026-03-23T10:00:00Z", "2026-03-12", 0);   // 11 (20th is Eid), late
        insert(serviceA, "2026-03-05T05:00:00Z", "WITHDRAWN", "2026-03-06T10:00:00Z", "2026-03-12", 0);
        // 21:30 UTC on 31 March is already 1 April in Dar es Salaam
        insert(serviceA, "2026-03-31T21:30:00Z", "SUBMITTED", null, "2099-01-01", 0);
        // service B: three requests only
        for (int i = 0; i < 3; i++) {
            insert(serviceB, "2026-03-10T05:00:00Z", "APPROVED", "2026-03-11T10:00:00Z", "2026-03-17", 0);
        }
        Thread.sleep(1_200); // the snapshot is at most a second old in tests
    }

    @Test
    void countsMediansPercentilesAndSlaShareWithSmallCellsSuppressed() {
        JsonHttp.Response response = http().get("/api/v1/open-data/requests?agency=" + agency);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().body()).doesNotContain(PERSON);
        assertThat(response.body().path("suppressionThreshold").asInt()).isEqualTo(5);
        List<JsonNode> rows = response.body().path("rows").valueStream().toList();
        assertThat(rows).hasSize(3);

        JsonNode march = row(rows, serviceA, "2026-03");
        assertThat(march.path("submitted").asInt()).isEqualTo(6);
        assertThat(march.path("decided").asInt()).isEqualTo(5);
        assertThat(march.path("approved").isNull()).isTrue();   // 4: suppressed
        assertThat(march.path("rejected").isNull()).isTrue();   // 1
        assertThat(march.path("withdrawn").isNull()).isTrue();  // 1
        assertThat(march.path("medianWorkingDaysToDecision").asDouble()).isEqualTo(5.0);
        assertThat(march.path("p90WorkingDaysToDecision").asInt()).isEqualTo(11);
        assertThat(march.path("decidedWithinSlaShare").asDouble()).isEqualTo(0.6);
        assertThat(march.path("serviceNameEn").asString()).isEqualTo("Statistics service");

        JsonNode april = row(rows, serviceA, "2026-04");
        assertThat(april.path("submitted").isNull()).isTrue();
        assertThat(april.path("decided").asInt()).isZero();

        JsonNode small = row(rows, serviceB, "2026-03");
        assertThat(small.path("submitted").isNull()).isTrue();
        assertThat(small.path("approved").isNull()).isTrue();
        assertThat(small.path("rejected").asInt()).isZero();
        assertThat(small.path("medianWorkingDaysToDecision").isNull()).isTrue();
        assertThat(small.path("decidedWithinSlaShare").isNull()).isTrue();
    }

    @Test
    void csvSaysTheSameAsJson() {
        JsonHttp.Response json = http().get("/api/v1/open-data/requests?agency=" + agency);
        JsonHttp.Response byAccept = http().get("/api/v1/open-data/requests?agency=" + agency, null, Map.of("Accept", "text/csv"));
        JsonHttp.Response bySuffix = http().get("/api/v1/open-data/requests.csv?agency=" + agency);

        assertThat(byAccept.status()).isEqualTo(200);
        assertThat(byAccept.contentType()).startsWith("text/csv");
        assertThat(bySuffix.raw().body()).isEqualTo(byAccept.raw().body());
        List<List<String>> csv = parseCsv(byAccept.raw().body());
        assertThat(csv.get(0)).containsExactly("month", "agencyCode", "serviceId", "serviceNameSw", "serviceNameEn", "submitted",
                "decided", "approved", "rejected", "withdrawn", "medianWorkingDaysToDecision", "p90WorkingDaysToDecision",
                "decidedWithinSlaShare");
        List<JsonNode> rows = json.body().path("rows").valueStream().toList();
        assertThat(csv).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            List<String> line = csv.get(i + 1);
            JsonNode row = rows.get(i);
            for (int c = 0; c < csv.get(0).size(); c++) {
                JsonNode value = row.path(csv.get(0).get(c));
                assertThat(line.get(c)).as(csv.get(0).get(c)).isEqualTo(value.isNull() ? "" : value.asString());
            }
        }
        assertThat(csv.get(1).get(3)).isEqualTo("Takwimu, huduma \"A\"");
    }

    @Test
    void answersAreCacheableAndRevalidatedByEtag() {
        JsonHttp.Response first = http().get("/api/v1/open-data/requests?agency=" + agency);
        String etag = first.header("ETag").orElseThrow();
        assertThat(first.header("Cache-Control").orElseThrow()).contains("public").contains("max-age=300");

        JsonHttp.Response again = http().get("/api/v1/open-data/requests?agency=" + agency, null, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        JsonHttp.Response csv = http().get("/api/v1/open-data/requests.csv?agency=" + agency, null, Map.of("If-None-Match", etag));
        assertThat(csv.status()).isEqualTo(200);
    }

    @Test
    void badFiltersAreProblems() {
        JsonHttp.Response response = http().get("/api/v1/open-data/requests?month=March");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static JsonNode row(List<JsonNode> rows, UUID service, String month) {
        return rows.stream().filter(r -> r.path("serviceId").asString().equals(service.toString())
                && r.path("month").asString().equals(month)).findFirst().orElseThrow();
    }

    private void insert(UUID service, String submittedAt, String status, String decidedAt, String dueDate, int paused) {
        UUID id = UUID.randomUUID();
        String tracking = io.huduma.requests.request.TrackingNumber.random(new java.util.Random()).value();
        jdbc.sql("""
                INSERT INTO request (id, tracking_number, citizen_subject, channel, service_id, service_version, agency_code,
                    service_name_sw, service_name_en, sla_working_days, answers, status, version, submitted_at, updated_at,
                    due_date, paused_working_days, decided_at)
                VALUES (?, ?, ?, 'web', ?, 1, ?, ?, 'Statistics service', 5, '{}'::jsonb, ?, 1, ?, ?, ?, ?, ?)
                """)
                .params(id, tracking, PERSON, service, agency, "Takwimu, huduma \"A\"", status,
                        Timestamp.from(Instant.parse(submittedAt)), Timestamp.from(Instant.parse(submittedAt)),
                        LocalDate.parse(dueDate), paused, decidedAt == null ? null : Timestamp.from(Instant.parse(decidedAt)))
                .update();
    }

    /** RFC 4180: fields separated by commas, quoted when they hold commas or quotes, "" for a quote. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            lines.add(fields);
        }
        return lines;
    }
}
