package io.huduma.contracts;

import java.util.List;

/**
 * The Kafka topics of the platform, declared once. Every record value is a
 * {@code huduma.common.v1.EventEnvelope}; the record key is the envelope's subject.
 * {@code docs/events.md} lists producer and consumers of each.
 */
public final class Topics {

    /** ServicePublished, ServiceRetired; key: service id. Producer: service-catalog. */
    public static final String CATALOG_SERVICES = "huduma.catalog.services.v1";
    /** AgencyChanged; key: agency code. Producer: service-catalog. */
    public static final String CATALOG_AGENCIES = "huduma.catalog.agencies.v1";
    /** AgencyApiChanged; key: agency API id. Producer: service-catalog. */
    public static final String CATALOG_AGENCY_APIS = "huduma.catalog.agency-apis.v1";
    /** CitizenRegistered, ContactChanged, StaffAccountCreated; key: subject. Producer: identity. */
    public static final String IDENTITY_ACCOUNTS = "huduma.identity.accounts.v1";
    /** RequestSubmitted, RequestStatusChanged, RequestSlaBreached; key: request id. Producer: requests-service. */
    public static final String REQUESTS = "huduma.requests.requests.v1";
    /** NotificationDelivered, NotificationFailed; key: delivery id. Producer: notifications-service. */
    public static final String NOTIFICATION_DELIVERIES = "huduma.notifications.deliveries.v1";

    /** Every topic, for creating them at start and for the docs check. */
    public static final List<String> ALL = List.of(
            CATALOG_SERVICES, CATALOG_AGENCIES, CATALOG_AGENCY_APIS,
            IDENTITY_ACCOUNTS, REQUESTS, NOTIFICATION_DELIVERIES);

    private Topics() {
    }
}
