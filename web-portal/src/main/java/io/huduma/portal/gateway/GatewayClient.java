package io.huduma.portal.gateway;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.DefaultUriBuilderFactory;

import io.huduma.portal.web.PageLanguage;
import io.huduma.portal.web.PortalProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The portal's only way to the platform: the public gateway API, with the signed-in person's access
 * token (from their server-side session, refreshed when needed) and their language. A refusal becomes an
 * {@link ApiProblem}; an unreachable gateway a 503 problem.
 */
@Component
public class GatewayClient {

    private final RestClient http;
    private final OAuth2AuthorizedClientManager authorizedClients;
    private final JsonMapper json;

    GatewayClient(PortalProperties properties, OAuth2AuthorizedClientManager authorizedClients, JsonMapper json) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.gatewayTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
        factory.setReadTimeout(properties.gatewayTimeout());
        // paths arrive encoded (UriComponentsBuilder.encode()): never encode them twice
        DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory(properties.gatewayUrl().toString());
        uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.NONE);
        this.http = RestClient.builder().uriBuilderFactory(uris).requestFactory(factory).build();
        this.authorizedClients = authorizedClients;
        this.json = json;
    }

    public ApiResponse get(String path) {
        return send(HttpMethod.GET, path, null, Map.of());
    }

    public ApiResponse post(String path, Object body) {
        return send(HttpMethod.POST, path, body, Map.of());
    }

    public ApiResponse send(HttpMethod method, String path, Object body, Map<String, String> headers) {
        RestClient.RequestBodySpec request = http.method(method).uri(path)
                .accept(MediaType.APPLICATION_JSON, MediaType.valueOf("application/problem+json"))
                .header(HttpHeaders.ACCEPT_LANGUAGE, PageLanguage.current());
        clientAddress().ifPresent(address -> request.header("X-Forwarded-For", address));
        String token = accessToken();
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        try {
            return request.exchange((req, res) -> {
                byte[] bytes = res.getBody().readAllBytes();
                String text = new String(bytes, StandardCharsets.UTF_8);
                int status = res.getStatusCode().value();
                JsonNode node = text.isBlank() || !looksLikeJson(text) ? MissingNode.getInstance() : json.readTree(text);
                if (status >= 400) {
                    throw problem(status, node);
                }
                return new ApiResponse(status, res.getHeaders(), node, text);
            });
        } catch (ResourceAccessException unreachable) {
            throw new ApiProblem(503, "unavailable", null, List.of());
        }
    }

    /** A raw text answer (the open statistics CSV). */
    public String text(String path, MediaType accept) {
        try {
            return http.get().uri(path).accept(accept).header(HttpHeaders.ACCEPT_LANGUAGE, PageLanguage.current())
                    .exchange((req, res) -> {
                        String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        if (res.getStatusCode().value() >= 400) {
                            throw problem(res.getStatusCode().value(), looksLikeJson(text) ? json.readTree(text) : MissingNode.getInstance());
                        }
                        return text;
                    });
        } catch (ResourceAccessException unreachable) {
            throw new ApiProblem(503, "unavailable", null, List.of());
        }
    }

    private static boolean looksLikeJson(String text) {
        String t = text.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }

    private static ApiProblem problem(int status, JsonNode body) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            errors.add(new ApiProblem.FieldError(error.path("pointer").asString(""), error.path("message").asString("")));
        }
        return new ApiProblem(status, body.path("title").asString(""), body.path("detail").isMissingNode()
                ? null : body.path("detail").asString(null), errors);
    }


    /**
     * The browser's address (behind the Ingress: from its X-Forwarded-For), passed on so that the platform's
     * per-address limits (sign-up codes, anonymous rate limits) count people, not the portal. The gateway
     * believes it only from a trusted proxy (its TRUSTED_PROXIES must name the portal's pods).
     */
    private static java.util.Optional<String> clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return java.util.Optional.ofNullable(servlet.getRequest().getRemoteAddr());
        }
        return java.util.Optional.empty();
    }

    /** The signed-in person's access token, refreshed when it has expired; null for anonymous visitors. */
    private String accessToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken oauth)) {
            return null;
        }
        OAuth2AuthorizeRequest.Builder authorize = OAuth2AuthorizeRequest
                .withClientRegistrationId(oauth.getAuthorizedClientRegistrationId()).principal(authentication);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            authorize.attribute(HttpServletRequest.class.getName(), servlet.getRequest());
            if (servlet.getResponse() != null) {
                authorize.attribute(HttpServletResponse.class.getName(), servlet.getResponse());
            }
        }
        OAuth2AuthorizedClient client = authorizedClients.authorize(authorize.build());
        if (client == null) {
            throw new SignInRequired();
        }
        return client.getAccessToken().getTokenValue();
    }

    /** An id taken from a page into an API path: only the characters of UUIDs (no path tricks), else 404. */
    public static String id(String id) {
        if (id == null || !id.matches("[0-9a-fA-F-]{1,64}")) {
            throw new ApiProblem(404, "not found", null, List.of());
        }
        return id;
    }

    /** The session holds no usable token any more (expired, or refused on refresh): sign in again. */
    public static class SignInRequired extends RuntimeException {
        SignInRequired() {
            super("sign in again");
        }
    }
}
