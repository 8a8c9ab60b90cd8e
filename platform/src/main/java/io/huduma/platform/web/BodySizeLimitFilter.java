package io.huduma.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

import io.huduma.platform.problem.ApiProblem;
import io.huduma.platform.problem.Problems;
import io.huduma.platform.problem.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code huduma.web.max-body-size} with a 413 problem: at once when
 * {@code Content-Length} says so, otherwise (chunked) as soon as reading passes the limit.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        Supplier<ApiProblem> tooLarge = () -> ApiProblem.payloadTooLarge(
                Problems.text("payload-too-large.detail", ServletProblems.locale(request), String.valueOf(maxBytes)));
        if (request.getContentLengthLong() > maxBytes) {
            ServletProblems.write(request, response, Problems.of(tooLarge.get(), ServletProblems.locale(request)));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes, tooLarge), response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /** A request whose body stream fails with a 413 problem once more than the limit has been read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final Supplier<ApiProblem> tooLarge;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes, Supplier<ApiProblem> tooLarge) {
            super(request);
            this.maxBytes = maxBytes;
            this.tooLarge = tooLarge;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes, tooLarge);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private final Supplier<ApiProblem> tooLarge;
        private long count;

        CountingStream(ServletInputStream delegate, long maxBytes, Supplier<ApiProblem> tooLarge) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.tooLarge = tooLarge;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > maxBytes) {
                // unchecked on purpose: converters wrap IOExceptions into 400s, this must stay a 413
                throw tooLarge.get();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
