package io.huduma.requests.catalog;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetServiceVersionRequest;
import io.huduma.contracts.catalog.v1.ServiceStatus;
import io.huduma.contracts.catalog.v1.ServiceVersion;
import io.huduma.platform.domain.DomainException;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * service-catalog's {@code GetServiceVersion} over gRPC, with a deadline on every call and a
 * circuit breaker: when the catalogue keeps failing, submissions are refused at once with a 503
 * problem instead of each waiting for the deadline.
 */
@Component
class CatalogClient {

    private final CatalogServiceGrpc.CatalogServiceBlockingStub stub;
    private final CircuitBreaker breaker;
    private final Duration deadline;

    CatalogClient(GrpcChannelFactory channels, CatalogProperties properties) {
        this.stub = CatalogServiceGrpc.newBlockingStub(channels.createChannel("service-catalog"));
        this.deadline = properties.deadline();
        this.breaker = CircuitBreaker.of("service-catalog", CircuitBreakerConfig.custom()
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerWindow())
                .failureRateThreshold(50)
                .permittedNumberOfCallsInHalfOpenState(2)
                .waitDurationInOpenState(properties.breakerOpenFor())
                // NOT_FOUND is an answer, not a failure of the catalogue
                .ignoreExceptions(NotFound.class)
                .build());
    }

    /** The version ({@code 0} = latest published); empty when the catalogue has no such service or version. */
    Optional<ServiceDefinition> fetch(UUID serviceId, int version) {
        try {
            return Optional.of(breaker.executeSupplier(() -> call(serviceId, version)));
        } catch (NotFound e) {
            return Optional.empty();
        } catch (CallNotPermittedException e) {
            throw DomainException.unavailable("The service catalogue is unavailable; try again shortly");
        } catch (StatusRuntimeException e) {
            throw DomainException.unavailable("The service catalogue did not answer (" + e.getStatus().getCode() + ")");
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    private ServiceDefinition call(UUID serviceId, int version) {
        try {
            ServiceVersion found = stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getServiceVersion(GetServiceVersionRequest.newBuilder()
                            .setServiceId(serviceId.toString()).setVersion(version).build())
                    .getService();
            return new ServiceDefinition(UUID.fromString(found.getServiceId()), found.getVersion(), found.getAgencyCode(),
                    found.getName().getSw(), found.getName().getEn(), found.getFormSchemaJson(),
                    found.hasFee() ? found.getFee().getAmountMinor() : null,
                    found.hasFee() ? found.getFee().getCurrency() : null,
                    found.getSlaWorkingDays(), found.getStatus() == ServiceStatus.SERVICE_STATUS_RETIRED);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                throw new NotFound();
            }
            throw e;
        }
    }

    /** The catalogue answered that there is no such service: not a failure. */
    private static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound() {
            super(null, null, false, false);
        }
    }
}
