package io.huduma.gateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker every downstream gets (one per service, one per agency API).
 *
 * @param failureRateThreshold     percentage of failed calls in the window that opens the circuit
 * @param minimumNumberOfCalls     calls needed before the rate counts
 * @param slidingWindowSize        calls in the window
 * @param waitDurationInOpenState  how long an open circuit answers 503 at once before trying again
 * @param timeout                  longest wait for a downstream before a 504 (routes have their own, shorter, response timeout)
 */
@ConfigurationProperties("huduma.gateway.circuit-breaker")
record CircuitBreakerProperties(
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("5") int minimumNumberOfCalls,
        @DefaultValue("10") int slidingWindowSize,
        @DefaultValue("10s") Duration waitDurationInOpenState,
        @DefaultValue("12s") Duration timeout) {
}
