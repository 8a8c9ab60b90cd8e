package io.huduma.platform.problem;

import java.util.List;
import java.util.Locale;

import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.problem.ApiProblem.Violation;
import io.huduma.platform.language.Language;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;

/**
 * Renders every exception that leaves a controller as an RFC 9457 problem. Ordered last, so a
 * service's own advice for its own exceptions is asked first.
 */
@RestControllerAdvice
@Order
class ProblemHandler extends ResponseEntityExceptionHandler {

    /** The header a 401 carries (RFC 6750), also when the 401 comes from a controller. */
    static final String BEARER_CHALLENGE = "Bearer";

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (problem.retryAfterSeconds() > 0) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        return respond(Problems.of(problem, locale(request)), headers, request);
    }

    /** A domain's refusal, mapped by its kind (see {@link ApiProblem#from}). */
    @ExceptionHandler(io.huduma.platform.domain.DomainException.class)
    ResponseEntity<Object> domainRefusal(io.huduma.platform.domain.DomainException refusal, WebRequest request) {
        return apiProblem(ApiProblem.from(refusal), request);
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(jakarta.validation.ConstraintViolationException exception,
            WebRequest request) {
        ProblemDetail problem = Problems.create(HttpStatus.BAD_REQUEST, "validation-failed", null, locale(request));
        return respond(Problems.withErrors(problem, Violations.of(exception)), new HttpHeaders(), request);
    }

    /** Method security said no: 401 for a caller without a token, 403 for one with the wrong rights. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    ResponseEntity<Object> denied(RuntimeException exception, WebRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
        HttpHeaders headers = new HttpHeaders();
        if (anonymous || exception instanceof AuthenticationException) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
            return respond(Problems.create(HttpStatus.UNAUTHORIZED, "unauthenticated", null, locale(request)),
                    headers, request);
        }
        return respond(Problems.create(HttpStatus.FORBIDDEN, "forbidden", null, locale(request)), headers, request);
    }

    /** Anything else is a bug: logged with the correlation id, answered without a trace of the internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, WebRequest request) {
        ApiProblem wrapped = Problems.expected(exception);
        if (wrapped != null) {
            return apiProblem(wrapped, request);
        }
        return handleExceptionInternal(exception, null, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ApiProblem wrapped = Problems.expected(exception);
        if (wrapped != null) {
            // e.g. the body-size limit, surfacing through a message converter
            return apiProblem(wrapped, request);
        }
        Locale locale = locale(request);
        String springDetail = body instanceof ProblemDetail detail ? detail.getDetail() : null;
        ProblemDetail problem;
        if (exception instanceof MethodArgumentNotValidException invalid) {
            problem = Problems.withErrors(Problems.create(status, "validation-failed", null, locale),
                    Violations.of(invalid.getBindingResult(), locale));
        } else if (exception instanceof HandlerMethodValidationException invalid && status.is4xxClientError()) {
            problem = Problems.withErrors(Problems.create(status, "validation-failed", null, locale),
                    Violations.of(invalid, locale));
        } else if (exception instanceof HttpMessageNotReadableException unreadable) {
            problem = Problems.withErrors(Problems.create(status, "malformed-body", null, locale),
                    bodyViolation(unreadable, locale));
        } else if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            problem = invalidParameter(status, mismatch.getName(), Problems.text("violation.type", locale), locale);
        } else if (exception instanceof TypeMismatchException mismatch) {
            problem = invalidParameter(status, mismatch.getPropertyName(), Problems.text("violation.type", locale),
                    locale);
        } else if (exception instanceof MissingServletRequestParameterException missing) {
            problem = invalidParameter(status, missing.getParameterName(), Problems.text("violation.required", locale),
                    locale);
        } else if (exception instanceof NoResourceFoundException || exception instanceof NoHandlerFoundException) {
            problem = Problems.create(status, "not-found", null, locale, path(request));
        } else if (exception instanceof HttpRequestMethodNotSupportedException method) {
            problem = Problems.create(status, "method-not-allowed", null, locale, method.getMethod());
        } else if (exception instanceof HttpMediaTypeNotSupportedException media) {
            problem = Problems.create(status, "unsupported-media-type", null, locale,
                    media.getContentType() == null ? "-" : media.getContentType().toString());
        } else if (exception instanceof HttpMediaTypeNotAcceptableException) {
            problem = Problems.create(status, "not-acceptable", null, locale);
        } else if (exception instanceof MaxUploadSizeExceededException tooLarge) {
            problem = Problems.create(status, "payload-too-large", null, locale, tooLarge.getMaxUploadSize());
        } else if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            String correlationId = correlationId(request);
            log.error("Unexpected error on {} [correlationId={}]", path(request), correlationId, exception);
            problem = Problems.create(status, "internal-error", null, locale, correlationId);
        } else {
            problem = Problems.create(status, Problems.slugFor(status), springDetail, locale);
        }
        return super.handleExceptionInternal(exception, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.finish(problem, path(request), correlationId(request));
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        // preset, so the problem is written as problem+json whatever the Accept header asked for (406 too)
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, status);
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        return createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static ProblemDetail invalidParameter(HttpStatusCode status, String name, String message, Locale locale) {
        return Problems.withErrors(Problems.create(status, "invalid-parameter", null, locale),
                List.of(new Violation(name, message)));
    }

    private static List<Violation> bodyViolation(HttpMessageNotReadableException exception, Locale locale) {
        JacksonException jackson = Problems.find(exception, JacksonException.class);
        if (jackson == null || jackson.getPath().isEmpty()) {
            return List.of();
        }
        String message = jackson instanceof io.huduma.platform.json.PlainTextDeserializer.ControlCharacters
                ? Problems.text("violation.control-characters", locale) : Problems.text("violation.type", locale);
        return List.of(new Violation(Violations.pointer(jackson), message));
    }

    static Locale locale(WebRequest request) {
        return Language.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)).locale();
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }

    private static String correlationId(WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        return servlet != null ? ServletProblems.correlationId(servlet) : Correlation.current();
    }

    private static String path(WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        return servlet != null ? ServletProblems.path(servlet) : null;
    }
}
