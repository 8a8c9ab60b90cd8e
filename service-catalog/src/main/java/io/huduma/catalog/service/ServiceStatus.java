package io.huduma.catalog.service;

/** Where a service is in its life: never published, published (open for applications), or retired. */
public enum ServiceStatus {
    DRAFT, PUBLISHED, RETIRED
}
