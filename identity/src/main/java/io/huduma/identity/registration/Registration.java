package io.huduma.identity.registration;

import java.time.Instant;
import java.util.UUID;

import io.huduma.identity.code.PendingCode;

/**
 * A sign-up waiting for its phone to be verified. Holds the password only as a hash and the code
 * only as {@link PendingCode}; {@code subject} is set once the account exists.
 */
record Registration(UUID id, String phone, String fullName, String email, String language, String passwordHash,
                    PendingCode code, String subject, Instant expiresAt) {

    Registration with(PendingCode newCode) {
        return new Registration(id, phone, fullName, email, language, passwordHash, newCode, subject, expiresAt);
    }
}
