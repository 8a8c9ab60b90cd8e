package io.huduma.notifications.contact;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Retries of transient gRPC errors inside a circuit breaker (Resilience4j), for one remote service
 * (identity, the catalogue, requests-service):
 * a lookup is tried {@code attempts} times with exponential backoff; when the service keeps failing the
 * breaker opens and lookups fail at once for a while.
 */
public final class ResilientGrpcClient {

    private static final Set<Status.Code> TRANSIENT = EnumSet.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED,
            Status.Code.INTERNAL, Status.Code.UNKNOWN);

    private final String service;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public ResilientGrpcClient(String service, ContactProperties properties) {
        this.service = service;
        this.retry = Retry.of(service, RetryConfig.custom()
                .maxAttempts(properties.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retryWait().toMillis(), 2.0))
                .retryOnException(ResilientGrpcClient::isTransient)
                .build());
        this.breaker = CircuitBreaker.of(service, CircuitBreakerConfig.custom()
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerWindow())
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.breakerOpenFor())
                .recordException(ResilientGrpcClient::isTransient)
                .build());
    }

    /**
     * The call's answer, empty when the service answered NOT_FOUND; {@link RecipientsUnavailable} when it
     * kept failing or the breaker is open.
     */
    public <T> Optional<T> find(Supplier<T> call) {
        try {
            return breaker.executeSupplier(Retry.decorateSupplier(retry, () -> {
                try {
                    return Optional.of(call.get());
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                        return Optional.<T>empty();
                    }
                    throw e;
                }
            }));
        } catch (CallNotPermittedException e) {
            throw new RecipientsUnavailable(service + " is failing; not called for now", e);
        } catch (StatusRuntimeException e) {
            throw new RecipientsUnavailable(service + " answered " + e.getStatus().getCode(), e);
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    private static boolean isTransient(Throwable e) {
        return e instanceof StatusRuntimeException s && TRANSIENT.contains(s.getStatus().getCode());
    }
}
