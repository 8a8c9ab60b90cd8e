package io.huduma.notifications.inbound;

import java.util.Optional;

/** requests-service's answer to "what is the status of this request", for the phone that asks. */
interface TrackedRequests {

    /**
     * The request with {@code trackingNumber} when it was made from {@code phone}; empty when there is none,
     * when it was made from another phone, or when the number is not a valid tracking number.
     *
     * @throws io.huduma.notifications.contact.RecipientsUnavailable when requests-service cannot answer now
     */
    Optional<TrackedRequest> find(String trackingNumber, String phone);
}
