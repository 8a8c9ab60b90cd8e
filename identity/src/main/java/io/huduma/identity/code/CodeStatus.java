package io.huduma.identity.code;

/** Where a code-guarded action stands. */
public enum CodeStatus {
    /** Waiting for the right code. */
    PENDING,
    /** Too many wrong codes: only a new start helps. */
    LOCKED,
    /** The right code was given and the action done. */
    VERIFIED
}
