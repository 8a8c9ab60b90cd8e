package io.huduma.identity.code;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.huduma.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending a one-time code within the limits: one code a minute and {@code perNumberPerHour} an hour
 * to a number, {@code perAddressPerHour} new starts an hour from a client address (a {@code 429}
 * with {@code Retry-After} beyond). Runs inside the caller's transaction, so a refused or failed
 * send leaves nothing behind; the counts are rows of {@code code_sends}, shared by every instance.
 */
@Service
public class SendingCodes {

    private static final Duration HOUR = Duration.ofHours(1);

    private final CodeSendRepository sends;
    private final OtpSender sender;
    private final OneTimeCodes codes;
    private final CodeProperties properties;
    private final Clock clock;

    SendingCodes(CodeSendRepository sends, OtpSender sender, OneTimeCodes codes, CodeProperties properties, Clock clock) {
        this.sends = sends;
        this.sender = sender;
        this.codes = codes;
        this.properties = properties;
        this.clock = clock;
    }

    /** A code request: to whom, why, in which language, from which client address, first send or resend. */
    public record CodeRequest(String phone, Purpose purpose, String language, String clientAddress, boolean resend,
                              boolean deliver) {

        /** A first code for a new start. */
        public static CodeRequest first(String phone, Purpose purpose, String language, String clientAddress) {
            return new CodeRequest(phone, purpose, language, clientAddress, false, true);
        }

        /** Another code for a start already made. */
        public static CodeRequest again(String phone, Purpose purpose, String language, String clientAddress) {
            return new CodeRequest(phone, purpose, language, clientAddress, true, true);
        }

        /** Counted like a first code but sent to no one (a reset for a number without an account). */
        public CodeRequest silently() {
            return new CodeRequest(phone, purpose, language, clientAddress, resend, false);
        }
    }

    /**
     * Checks the limits, makes a code, hands it to the sender and records the send.
     *
     * @return the code to wait for (its hash only)
     * @throws DomainException tooMany beyond a limit, unavailable when the code could not be handed over
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PendingCode send(CodeRequest request) {
        Instant now = clock.instant();
        sends.lockNumber(request.phone());
        sends.lastToNumber(request.phone()).ifPresent(last -> {
            Duration since = Duration.between(last, now);
            if (since.compareTo(properties.resendInterval()) < 0) {
                throw DomainException.tooMany("A code was sent to this number moments ago; wait before asking again",
                        seconds(properties.resendInterval().minus(since)));
            }
        });
        CodeSendRepository.Window hour = sends.toNumberSince(request.phone(), now.minus(HOUR));
        if (hour.count() >= properties.perNumberPerHour()) {
            throw DomainException.tooMany("Too many codes to this number; try again later",
                    seconds(Duration.between(now, hour.oldest().plus(HOUR))));
        }
        if (!request.resend() && request.clientAddress() != null) {
            sends.lockAddress(request.clientAddress());
            CodeSendRepository.Window fromAddress = sends.startsFromAddressSince(request.clientAddress(), now.minus(HOUR));
            if (fromAddress.count() >= properties.perAddressPerHour()) {
                throw DomainException.tooMany("Too many requests from this address; try again later",
                        seconds(Duration.between(now, fromAddress.oldest().plus(HOUR))));
            }
        }
        IssuedCode issued = codes.issue();
        if (request.deliver()) {
            sender.send(request.phone(), issued.code(), request.purpose(), request.language(),
                    (int) properties.validity().toMinutes());
        }
        sends.record(request.phone(), request.clientAddress(),
                request.purpose().label() + (request.resend() ? "-resend" : ""), now);
        return new PendingCode(issued.hash(), now.plus(properties.validity()), 0, CodeStatus.PENDING);
    }

    /** Forgets sends older than a day (they only ever count for an hour). */
    @Transactional
    public int purgeOldSends() {
        return sends.purgeBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
