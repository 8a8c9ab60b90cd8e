package io.huduma.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;

/** The bearer header read without a regular expression gives Spring Security's answers. */
class BearerTokensTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjaXRpemVuIn0.c2lnbmF0dXJlLV9-+/";

    @Test
    void answersAsSpringsResolversOnRandomAuthorizationHeaders() {
        Random random = new Random(20261202);
        List<String> headers = new ArrayList<>(List.of("Bearer " + JWT, "bearer " + JWT, "BEARER abc==", "Bearer ==",
                "Bearer abc=d", "Bearer  abc", "Bearer abc ", "Bearer", "Bearer ", "bearer", "Bearerabc", "Basic dXNlcjpwYXNz",
                "Bearer abc\n", "Bearer ab\u00e7", "Token abc", "", " Bearer abc", "Bearer\tabc", "Bearer a", "Bearer a="));
        String alphabet = "aZ09-._~+/= \t\n\u00e7\u212a\u0131Bb";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder header = new StringBuilder(random.nextInt(4) == 0 ? "" : random.nextBoolean() ? "Bearer " : "bEaReR ");
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        int tokens = 0;
        int refusals = 0;
        for (String header : headers) {
            String expected = spring(header);
            String actual = ours(header);
            assertThat(actual).as("Authorization: [%s]", header).isEqualTo(expected);
            tokens += expected.startsWith("token:") ? 1 : 0;
            refusals += expected.startsWith("refused:") ? 1 : 0;
        }
        assertThat(tokens).as("the sample has tokens").isGreaterThan(1_000);
        assertThat(refusals).as("the sample has malformed bearer headers").isGreaterThan(1_000);
    }

    @Test
    void theServletResolverAndTheReactiveConverterUseIt() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/requests");
        request.addHeader("Authorization", "Bearer " + JWT);
        assertThat(BearerTokens.servletResolver().resolve(request)).isEqualTo(JWT);
        assertThat(BearerTokens.servletResolver().resolve(new MockHttpServletRequest("GET", "/"))).isNull();

        Authentication authentication = BearerTokens.reactiveConverter().convert(MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/v1/requests").header("Authorization", "bearer " + JWT))).block();
        assertThat(authentication).isInstanceOf(BearerTokenAuthenticationToken.class);
        assertThat(((BearerTokenAuthenticationToken) authentication).getToken()).isEqualTo(JWT);
        assertThat(BearerTokens.reactiveConverter().convert(MockServerWebExchange.from(MockServerHttpRequest.get("/"))).block())
                .isNull();
        assertThatThrownBy(() -> BearerTokens.reactiveConverter().convert(MockServerWebExchange.from(
                MockServerHttpRequest.get("/").header("Authorization", "Bearer a b"))).block())
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("malformed");
    }

    private static String spring(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("Authorization", header);
        String servlet = outcome(() -> new DefaultBearerTokenResolver().resolve(request));
        String reactive = outcome(() -> {
            Authentication a = new ServerBearerTokenAuthenticationConverter().convert(MockServerWebExchange.from(
                    MockServerHttpRequest.get("/").header("Authorization", header))).block();
            return a == null ? null : ((BearerTokenAuthenticationToken) a).getToken();
        });
        assertThat(reactive).as("Spring's two resolvers agree on [%s]", header).isEqualTo(servlet);
        return servlet;
    }

    private static String ours(String header) {
        return outcome(() -> BearerTokens.fromAuthorizationHeader(header));
    }

    private static String outcome(java.util.function.Supplier<String> resolve) {
        try {
            String token = resolve.get();
            return token == null ? "none" : "token:" + token;
        } catch (OAuth2AuthenticationException e) {
            return "refused:" + e.getError().getErrorCode() + ":" + e.getError().getDescription();
        }
    }
}
