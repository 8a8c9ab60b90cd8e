package io.huduma.catalog.agency;

/** Whether an agency is open for business on the platform. */
public enum AgencyStatus {
    ACTIVE, SUSPENDED
}
