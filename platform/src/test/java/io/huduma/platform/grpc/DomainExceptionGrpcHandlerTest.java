package io.huduma.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.grpc.Status;
import io.huduma.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class DomainExceptionGrpcHandlerTest {

    private final DomainExceptionGrpcHandler handler = new DomainExceptionGrpcHandler();

    @Test
    void eachKindHasItsStatus() {
        assertThat(handler.handleException(DomainException.notFound("x")).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(handler.handleException(DomainException.conflict("x")).getStatus().getCode())
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(handler.handleException(DomainException.notAllowed("x")).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(handler.handleException(DomainException.tooMany("x", 30)).getStatus().getCode())
                .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(handler.handleException(DomainException.unavailable("x")).getStatus().getCode())
                .isEqualTo(Status.Code.UNAVAILABLE);
    }

    @Test
    void fieldErrorsTravelInTheDescription() {
        var status = handler.handleException(DomainException.invalid("Bad answers",
                List.of(new DomainException.FieldError("/answers/age", "must be at least 18")))).getStatus();
        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).isEqualTo("Bad answers; /answers/age: must be at least 18");
    }

    @Test
    void otherExceptionsAreLeftToTheNextHandler() {
        assertThat(handler.handleException(new IllegalStateException("bug"))).isNull();
    }
}
