package io.huduma.platform.problem;

import java.io.IOException;
import java.util.Locale;

import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.language.Language;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Writes problems straight to a servlet response, for code that runs outside Spring MVC (filters, entry points). */
public final class ServletProblems {

    private ServletProblems() {
    }

    /** The caller's language for the platform's texts. */
    public static Locale locale(HttpServletRequest request) {
        return Language.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)).locale();
    }

    /** The request's correlation id: set by the correlation filter, still known on an error dispatch. */
    public static String correlationId(HttpServletRequest request) {
        Object id = request.getAttribute(Correlation.ATTRIBUTE);
        return id instanceof String s ? s : Correlation.current();
    }

    /** The path the client asked for, also on an error dispatch (where the request URI is /error). */
    public static String path(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original instanceof String s ? s : request.getRequestURI();
    }

    /** Completes {@code problem} (instance, correlation id) and writes it with its status. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Problems.finish(problem, path(request), correlationId(request));
        byte[] body = ProblemJson.bytes(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
