package io.huduma.requests.opendata;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Takwimu huria: public, no sign-in, no personal data. JSON by default, CSV with {@code Accept: text/csv}
 * or the {@code .csv} path. Answers carry an ETag (304 on {@code If-None-Match}) and may be cached publicly.
 */
@RestController
@Validated
@RequestMapping("/api/v1/open-data")
class OpenDataController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final PublishingStatistics statistics;

    OpenDataController(PublishingStatistics statistics) {
        this.statistics = statistics;
    }

    /** The whole data set, or one agency's / one month's rows. */
    record Statistics(String computedAt, int suppressionThreshold, List<StatisticsRow> rows) {
    }

    @GetMapping(path = "/requests", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Statistics> json(@RequestParam(required = false) @Size(max = 40) String agency,
                                    @RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{2}") String month,
                                    WebRequest request) {
        return answer(agency, month, MediaType.APPLICATION_JSON, request, snapshot -> new Statistics(
                snapshot.computedAt().toString(), Takwimu.MIN_CELL, filter(snapshot.rows(), agency, month)));
    }

    @GetMapping(path = {"/requests", "/requests.csv"}, produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) @Size(max = 40) String agency,
                               @RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{2}") String month,
                               WebRequest request) {
        return answer(agency, month, CSV, request, snapshot -> agency == null && month == null ? snapshot.csv()
                : StatisticsRow.CSV_HEADER + "\r\n" + filter(snapshot.rows(), agency, month).stream()
                        .map(row -> row.csv() + "\r\n").collect(java.util.stream.Collectors.joining()));
    }

    /** 304 when the caller has this very answer, else the body with its ETag and public caching. */
    private <T> ResponseEntity<T> answer(String agency, String month, MediaType type, WebRequest request,
                                         java.util.function.Function<PublishingStatistics.Snapshot, T> body) {
        PublishingStatistics.Snapshot snapshot = statistics.current();
        String etag = PublishingStatistics.etag(snapshot.etag() + "|" + agency + "|" + month + "|" + type.getSubtype());
        if (request.checkNotModified(etag)) {
            return null;
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(etag).cacheControl(CACHING).contentType(type);
        if (type.equals(CSV)) {
            ok.header("Content-Disposition", "inline; filename=\"huduma-requests.csv\"");
        }
        return ok.body(body.apply(snapshot));
    }

    private static List<StatisticsRow> filter(List<StatisticsRow> rows, String agency, String month) {
        return rows.stream().filter(r -> agency == null || r.agencyCode().equals(agency))
                .filter(r -> month == null || r.month().equals(month)).toList();
    }
}
