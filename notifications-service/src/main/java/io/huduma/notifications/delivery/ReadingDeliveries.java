package io.huduma.notifications.delivery;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.huduma.platform.domain.DomainException;
import org.springframework.stereotype.Service;

/** Histories, statistics and the failed deliveries an admin may queue again. */
@Service
public class ReadingDeliveries {

    /** One page of deliveries. */
    public record Page(List<Delivery> items, int page, int size, long totalElements) {
    }

    private final DeliveryRepository repository;
    private final RecordingOutcomes outcomes;

    ReadingDeliveries(DeliveryRepository repository, RecordingOutcomes outcomes) {
        this.repository = repository;
        this.outcomes = outcomes;
    }

    /** What was sent to a person (codes appear masked): by subject, and codes sent to their addresses. */
    public Page history(String subject, Collection<String> addresses, int page, int size) {
        return new Page(repository.forRecipient(subject, addresses, page * size, size), page, size,
                repository.countForRecipient(subject, addresses));
    }

    public Page failed(int page, int size) {
        return new Page(repository.failed(page * size, size), page, size, repository.countFailed());
    }

    public List<DeliveryCount> statistics() {
        return repository.counts();
    }

    /** Queues a FAILED delivery for another round of attempts. */
    public Delivery retry(UUID id) {
        Delivery delivery = repository.find(id).orElseThrow(() -> DomainException.notFound("No delivery " + id));
        if (delivery.masked()) {
            throw DomainException.conflict("A one-time code cannot be sent again: it was never kept. Ask for a new code.");
        }
        if (delivery.status() != DeliveryStatus.FAILED) {
            throw DomainException.conflict("Only a FAILED delivery can be retried; this one is " + delivery.status());
        }
        return outcomes.requeue(id).orElseThrow(() -> DomainException.conflict("The delivery changed meanwhile"));
    }
}
