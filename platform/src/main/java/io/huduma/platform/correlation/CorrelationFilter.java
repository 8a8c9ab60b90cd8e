package io.huduma.platform.correlation;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every servlet request a correlation id: the caller's {@code X-Correlation-Id} when it is
 * plain and short, else a new one; in the MDC while the request runs, echoed on the response.
 */
public class CorrelationFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // an error dispatch keeps the id its request was given
        Object known = request.getAttribute(Correlation.ATTRIBUTE);
        String id = known instanceof String s ? s : Correlation.sanitize(request.getHeader(Correlation.HTTP_HEADER));
        request.setAttribute(Correlation.ATTRIBUTE, id);
        // before the chain, so it is there even when the body is already committed
        response.setHeader(Correlation.HTTP_HEADER, id);
        try (Correlation.Scope scope = Correlation.open(id)) {
            chain.doFilter(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
