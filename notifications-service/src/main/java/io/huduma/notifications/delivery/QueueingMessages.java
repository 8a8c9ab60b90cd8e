package io.huduma.notifications.delivery;

import java.util.Optional;
import java.util.UUID;

import io.huduma.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Putting messages on their way: queued for the dispatcher (at most once per event, channel and
 * recipient), or, for one-time codes, sent at once ahead of the queue, with only a masked text kept.
 */
@Service
public class QueueingMessages {

    private static final Logger log = LoggerFactory.getLogger(QueueingMessages.class);

    private final DeliveryRepository repository;
    private final DispatchingMessages dispatcher;
    private final Sending sending;
    private final RecordingOutcomes outcomes;
    private final TransactionTemplate transaction;

    QueueingMessages(DeliveryRepository repository, DispatchingMessages dispatcher, Sending sending,
                     RecordingOutcomes outcomes, TransactionTemplate transaction) {
        this.repository = repository;
        this.dispatcher = dispatcher;
        this.sending = sending;
        this.outcomes = outcomes;
        this.transaction = transaction;
    }

    /** Queues the message; empty when this event already queued it for this recipient and channel. */
    public Optional<UUID> queue(OutgoingMessage message) {
        Optional<UUID> id = transaction.execute(status -> {
            Optional<UUID> inserted = repository.insert(message);
            if (inserted.isPresent() && TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        dispatcher.wake();
                    }
                });
            }
            return inserted;
        });
        if (id == null || id.isEmpty()) {
            log.info("{} {} for event {} was already queued", message.channel(), message.kind(), message.causeEventId());
            return Optional.empty();
        }
        return id;
    }

    /**
     * Sends a message now, on the caller's thread, ahead of everything queued. Only {@code recorded} (the
     * masked text) is stored; {@code text}/{@code html} (holding the code) leave with the message and are
     * forgotten. There is no later attempt (the text is gone): when no provider takes it, the delivery is
     * FAILED and the caller is told, so that it can ask again.
     */
    public UUID sendNow(OutgoingMessage recorded, String text, String html) {
        UUID id = transaction.execute(status -> repository.insert(recorded)).orElseThrow(
                () -> DomainException.conflict("This code was already sent"));
        try {
            Sending.Sent sent = sending.send(recorded.channel(), recorded.recipient(), recorded.language(),
                    recorded.subjectLine(), text, html);
            outcomes.sent(id, sent.provider(), sent.providerMessageId(), sent.delivered());
            return id;
        } catch (Sending.NotSent e) {
            repository.find(id).ifPresent(d -> outcomes.attemptFailed(d, e.getMessage(), false));
            throw DomainException.unavailable("No " + recorded.channel() + " provider took the message; try again");
        }
    }
}
