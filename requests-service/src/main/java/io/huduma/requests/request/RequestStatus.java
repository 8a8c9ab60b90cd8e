package io.huduma.requests.request;

/** Where an application stands in its agency's workflow. */
public enum RequestStatus {
    SUBMITTED, IN_REVIEW, NEEDS_INFO, APPROVED, REJECTED, COMPLETED, WITHDRAWN;

    /** A decision has been made (or the citizen withdrew): the SLA clock has stopped for good. */
    public boolean isClosed() {
        return this == APPROVED || this == REJECTED || this == COMPLETED || this == WITHDRAWN;
    }

    /** The agency decided (approved or rejected); completion follows an approval. */
    public boolean isDecision() {
        return this == APPROVED || this == REJECTED;
    }
}
