package io.huduma.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token of the {@code Authorization} header as Spring Security's resolvers do, without
 * their case-insensitive regular expression ({@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}): matched
 * case-insensitively over a 1.4 kB token, that expression was 45 % of the gateway's CPU per request in
 * the JFR profile of bench/static.sh (docs/performance.md). Same answers (the token, "not a bearer
 * header", or the same {@code invalid_token} "Bearer token is malformed" refusal; {@code BearerTokensTest}
 * compares them with Spring's on random headers); a request without a bearer header goes to Spring's own
 * resolver, so everything else (tokens in parameters, off by default) stays Spring's.
 */
public final class BearerTokens {

    private static final String BEARER = "Bearer ";

    private BearerTokens() {
    }

    /**
     * The token of a bearer {@code Authorization} header; {@code null} when the header is absent or names
     * another scheme; refused as {@code invalid_token} when it says "bearer" but is not a well-formed one.
     */
    static String fromAuthorizationHeader(String header) {
        if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
            return null;
        }
        int length = header.length();
        if (length <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw malformed();
        }
        int i = BEARER.length();
        while (i < length && isTokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == BEARER.length()) {
            throw malformed();
        }
        while (i < length && header.charAt(i) == '=') {
            i++;
        }
        if (i != length) {
            throw malformed();
        }
        return header.substring(BEARER.length());
    }

    /** b64token characters (RFC 6750): letters, digits and {@code - . _ ~ + /}. */
    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static OAuth2AuthenticationException malformed() {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }

    /** For servlet services' resource server. */
    public static BearerTokenResolver servletResolver() {
        DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
        return (HttpServletRequest request) -> {
            String token = fromAuthorizationHeader(request.getHeader(HttpHeaders.AUTHORIZATION));
            return token != null ? token : spring.resolve(request);
        };
    }

    /** For the gateway's (reactive) resource server. */
    public static ServerAuthenticationConverter reactiveConverter() {
        ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
        return (ServerWebExchange exchange) -> Mono.defer(() -> {
            String token = fromAuthorizationHeader(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
            return token != null ? Mono.<Authentication>just(new BearerTokenAuthenticationToken(token)) : spring.convert(exchange);
        });
    }
}
