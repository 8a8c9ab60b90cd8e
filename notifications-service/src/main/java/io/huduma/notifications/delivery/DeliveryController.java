package io.huduma.notifications.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.huduma.notifications.contact.Contact;
import io.huduma.notifications.contact.Contacts;
import io.huduma.notifications.contact.RecipientsUnavailable;
import io.huduma.platform.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's own history ({@code /me}); for platform admins the statistics, the failed deliveries and
 * their retry.
 */
@RestController
@Validated
class DeliveryController {

    /** One delivery as the API shows it. {@code text} is what was sent (codes masked). */
    record DeliveryView(UUID id, String kind, String channel, String recipient, String language, String subject,
                        String text, String status, String provider, int attempts, String lastError,
                        Instant createdAt, Instant sentAt, Instant deliveredAt, Instant failedAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.kind(), d.channel().name().toLowerCase(), d.recipient(), d.language(),
                    d.subjectLine(), d.body(), d.status().name(), d.provider(), d.attempts(), d.lastError(),
                    d.createdAt(), d.sentAt(), d.deliveredAt(), d.failedAt());
        }
    }

    record PageView(List<DeliveryView> items, int page, int size, long totalElements, long totalPages) {

        static PageView of(ReadingDeliveries.Page page) {
            return new PageView(page.items().stream().map(DeliveryView::of).toList(), page.page(), page.size(),
                    page.totalElements(), (page.totalElements() + page.size() - 1) / page.size());
        }
    }

    record CountView(String channel, String provider, String status, long count) {
    }

    record StatisticsView(long total, Map<String, Long> byChannel, Map<String, Long> byStatus,
                          Map<String, Long> byProvider, List<CountView> counts) {
    }

    private final ReadingDeliveries deliveries;
    private final Contacts contacts;

    DeliveryController(ReadingDeliveries deliveries, Contacts contacts) {
        this.deliveries = deliveries;
        this.contacts = contacts;
    }

    @GetMapping("/api/v1/notifications/me")
    PageView mine(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<String> addresses = new ArrayList<>();
        try {
            // codes are sent to an address, not to an account: the person's addresses find them
            contacts.find(caller.subject()).ifPresent((Contact c) -> {
                if (!c.phone().isBlank()) {
                    addresses.add(c.phone());
                }
                if (!c.email().isBlank()) {
                    addresses.add(c.email());
                }
            });
        } catch (RecipientsUnavailable e) {
            // identity unreachable: the history by account still answers
        }
        return PageView.of(deliveries.history(caller.subject(), addresses, page, size));
    }

    @GetMapping("/api/v1/notifications/statistics")
    StatisticsView statistics() {
        List<DeliveryCount> counts = deliveries.statistics();
        Map<String, Long> byChannel = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byProvider = new TreeMap<>();
        long total = 0;
        for (DeliveryCount c : counts) {
            byChannel.merge(c.channel().name().toLowerCase(), c.count(), Long::sum);
            byStatus.merge(c.status().name(), c.count(), Long::sum);
            if (!c.provider().isEmpty()) {
                byProvider.merge(c.provider(), c.count(), Long::sum);
            }
            total += c.count();
        }
        return new StatisticsView(total, byChannel, byStatus, byProvider, counts.stream()
                .map(c -> new CountView(c.channel().name().toLowerCase(), c.provider(), c.status().name(), c.count()))
                .toList());
    }

    @GetMapping("/api/v1/notifications/deliveries/failed")
    PageView failed(@RequestParam(defaultValue = "0") @Min(0) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(deliveries.failed(page, size));
    }

    @PostMapping("/api/v1/notifications/deliveries/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView retry(@PathVariable UUID id) {
        return DeliveryView.of(deliveries.retry(id));
    }
}
