package io.huduma.requests.catalog;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Stands in for service-catalog's process: nothing but the platform's outbox and relay,
 * with its own database and {@code spring.application.name=service-catalog}. No component
 * scan, so none of requests-service's beans live in it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class CatalogProducerApp {
}
