package io.huduma.platform.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;

/**
 * The problem advice for services with a database: a constraint the database enforced (two
 * requests racing for the same unique key) or a lost optimistic-lock race is a 409, not a 500.
 */
class DataAccessProblemHandler extends ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(DataAccessProblemHandler.class);

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException exception, WebRequest request) {
        // logged: a constraint that input validation should have caught first is worth a look; only the
        // first line, which names the constraint (PostgreSQL's "Detail:" line would copy the values)
        String reason = String.valueOf(exception.getMostSpecificCause().getMessage()).lines().findFirst().orElse("");
        log.warn("Database constraint rejected a request: {}", reason);
        return apiProblem(ApiProblem.of(HttpStatus.CONFLICT, "conflict",
                Problems.text("conflict.integrity", locale(request)), null), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> staleVersion(OptimisticLockingFailureException exception, WebRequest request) {
        return apiProblem(ApiProblem.of(HttpStatus.CONFLICT, "conflict",
                Problems.text("conflict.stale", locale(request)), null), request);
    }
}
