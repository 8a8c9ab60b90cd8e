package io.huduma.requests.request;

/** The facts the request workflow announces; the adapter writes them to the outbox in the caller's transaction. */
interface RequestEventPublisher {

    void submitted(Request request);

    /** {@code actorSubject}: the officer who acted, or null for the citizen's own moves. */
    void statusChanged(Request before, Request after, String actorSubject);

    void slaBreached(Request request);
}
