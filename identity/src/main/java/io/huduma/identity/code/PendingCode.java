package io.huduma.identity.code;

import java.time.Instant;
import java.util.List;

import io.huduma.platform.domain.DomainException;
import io.huduma.platform.domain.DomainException.FieldError;

/**
 * The code an action (sign-up, phone change, password reset) waits for, and the rules of checking
 * it: expiry, and at most {@code maxFailedAttempts} wrong codes before the action is locked.
 */
public record PendingCode(CodeHash hash, Instant expiresAt, int failedAttempts, CodeStatus status) {

    /** What checking a code changed; {@link #accepted()} false means the caller must store it and refuse. */
    public record Check(boolean accepted, PendingCode after, DomainException refusal) {
    }

    /**
     * Checks {@code code} at {@code now}. A wrong code counts an attempt (and may lock); an expired
     * or locked one changes nothing. The refusal names {@code /code}.
     */
    public Check check(OneTimeCodes codes, String code, Instant now, int maxFailedAttempts) {
        if (status == CodeStatus.LOCKED) {
            return new Check(false, this, DomainException.conflict(
                    "Too many wrong codes: this is locked. Start again to get a new code."));
        }
        if (!now.isBefore(expiresAt)) {
            return new Check(false, this, DomainException.unprocessable("The code has expired; ask for a new one",
                    List.of(new FieldError("/code", "has expired; ask for a new one"))));
        }
        if (codes.matches(code, hash)) {
            return new Check(true, new PendingCode(hash, expiresAt, failedAttempts, CodeStatus.VERIFIED), null);
        }
        int failed = failedAttempts + 1;
        boolean locked = failed >= maxFailedAttempts;
        PendingCode after = new PendingCode(hash, expiresAt, failed, locked ? CodeStatus.LOCKED : CodeStatus.PENDING);
        String message = locked ? "is wrong; too many wrong codes, this is now locked"
                : "is wrong; " + (maxFailedAttempts - failed) + " attempt(s) left";
        return new Check(false, after, DomainException.invalid("/code", message));
    }
}
