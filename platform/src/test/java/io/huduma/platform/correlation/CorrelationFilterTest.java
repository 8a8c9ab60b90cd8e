package io.huduma.platform.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.DispatcherType;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationFilterTest {

    private final CorrelationFilter filter = new CorrelationFilter();
    private final AtomicReference<String> seenInMdc = new AtomicReference<>();
    private final MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
        @Override
        protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
            seenInMdc.set(Correlation.current());
        }
    });

    @Test
    void aPlainIdFromTheCallerIsKeptEchoedAndInTheMdcWhileTheRequestRuns() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.addHeader(Correlation.HTTP_HEADER, "abc-123");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, chain);

        assertThat(seenInMdc.get()).isEqualTo("abc-123");
        assertThat(response.getHeader(Correlation.HTTP_HEADER)).isEqualTo("abc-123");
        assertThat(request.getAttribute(Correlation.ATTRIBUTE)).isEqualTo("abc-123");
        assertThat(Correlation.current()).as("MDC cleared after the request").isNull();
    }

    @Test
    void withoutAnIdOneIsCreated() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/x"), response, chain);

        assertThat(response.getHeader(Correlation.HTTP_HEADER)).matches("[0-9a-f-]{36}");
        assertThat(seenInMdc.get()).isEqualTo(response.getHeader(Correlation.HTTP_HEADER));
    }

    @Test
    void anIdThatCouldForgeLogLinesIsReplaced() throws Exception {
        for (String forged : new String[] {"a\nINFO fake log line", "x".repeat(65), "<script>", " "}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
            request.addHeader(Correlation.HTTP_HEADER, forged);
            MockHttpServletResponse response = new MockHttpServletResponse();

            filter.doFilter(request, response, new MockFilterChain());

            assertThat(response.getHeader(Correlation.HTTP_HEADER)).isNotEqualTo(forged).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void anErrorDispatchKeepsTheIdOfItsRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(Correlation.ATTRIBUTE, "first-id");
        request.addHeader(Correlation.HTTP_HEADER, "other-id");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, chain);

        assertThat(seenInMdc.get()).isEqualTo("first-id");
        assertThat(response.getHeader(Correlation.HTTP_HEADER)).isEqualTo("first-id");
    }
}
