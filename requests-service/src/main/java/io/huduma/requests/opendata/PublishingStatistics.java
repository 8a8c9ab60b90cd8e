package io.huduma.requests.opendata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.huduma.requests.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Serves the open statistics from a snapshot computed at most every {@code huduma.requests.open-data.max-age}
 * (default 5 minutes), so a public read costs no query; the snapshot carries its CSV form and ETag.
 */
@Service
public class PublishingStatistics {

    /** One computed snapshot. */
    public record Snapshot(List<StatisticsRow> rows, String csv, String etag, Instant computedAt) {
    }

    private final StatisticsRepository repository;
    private final Takwimu takwimu;
    private final LoadingCache<String, Snapshot> snapshot;

    PublishingStatistics(StatisticsRepository repository, WorkingCalendar calendar,
                         @Value("${huduma.requests.open-data.max-age:5m}") Duration maxAge) {
        this.repository = repository;
        this.takwimu = new Takwimu(calendar);
        this.snapshot = Caffeine.newBuilder().expireAfterWrite(maxAge).build(key -> compute());
    }

    public Snapshot current() {
        return snapshot.get("all");
    }

    private Snapshot compute() {
        List<StatisticsRow> rows = takwimu.compute(repository.all());
        StringBuilder csv = new StringBuilder(StatisticsRow.CSV_HEADER).append("\r\n");
        rows.forEach(row -> csv.append(row.csv()).append("\r\n"));
        return new Snapshot(rows, csv.toString(), etag(csv.toString()), Instant.now());
    }

    static String etag(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
