package io.huduma.ussd.session;

import java.time.Instant;

import io.huduma.ussd.menu.SessionState;

/** A live session as stored: how many inputs of the aggregator's text it has taken, and its last answer. */
record StoredSession(String sessionId, String phone, SessionState state, int inputsSeen, String lastScreen,
                     Instant expiresAt) {

    @Override
    public String toString() {
        return "StoredSession[" + sessionId + ", inputs=" + inputsSeen + "]";
    }
}
