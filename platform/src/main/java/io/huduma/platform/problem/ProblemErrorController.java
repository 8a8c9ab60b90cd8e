package io.huduma.platform.problem;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Boot's /error page: what reaches it (an exception thrown in a filter, a
 * {@code sendError} from the container) is answered as problem+json too.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ApiProblem apiProblem = Problems.expected(exception);
        ProblemDetail problem;
        if (apiProblem != null) {
            problem = Problems.of(apiProblem, ServletProblems.locale(request));
        } else if (Problems.identityProviderUnavailable(exception)) {
            log.warn("Identity provider unreachable on {} [correlationId={}]: {}", ServletProblems.path(request),
                    ServletProblems.correlationId(request), exception.toString());
            problem = Problems.create(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", null,
                    ServletProblems.locale(request));
        } else if (!(code instanceof Integer status)) {
            // someone asked for /error itself
            problem = Problems.create(HttpStatus.NOT_FOUND, "not-found", null, ServletProblems.locale(request),
                    request.getRequestURI());
        } else if (status >= 500) {
            String correlationId = ServletProblems.correlationId(request);
            log.error("Unexpected error on {} [correlationId={}]", ServletProblems.path(request), correlationId,
                    exception);
            problem = Problems.create(HttpStatusCode.valueOf(status), Problems.slugFor(HttpStatusCode.valueOf(status)),
                    null, ServletProblems.locale(request), correlationId);
        } else {
            HttpStatusCode statusCode = HttpStatusCode.valueOf(status);
            problem = Problems.create(statusCode, Problems.slugFor(statusCode), null, ServletProblems.locale(request),
                    ServletProblems.path(request));
        }
        response.resetBuffer();
        ServletProblems.write(request, response, problem);
    }
}
