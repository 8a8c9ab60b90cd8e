package io.huduma.platform.events.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare service for the events ITs: only the platform's auto-configuration, a database and Kafka. */
@SpringBootApplication
public class EventsTestApplication {
}
