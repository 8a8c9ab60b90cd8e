package io.huduma.gateway.agency;

import io.huduma.platform.net.UpstreamPolicy;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.huduma.gateway.ratelimit.RateLimits;
import io.huduma.platform.problem.ApiProblem;
import io.huduma.platform.security.Caller;
import io.huduma.platform.security.Roles;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * Serves {@code /agencies/{agency}/{api}/**}: finds the API (404 when unknown or removed, 503 when
 * suspended), enforces its access policy (401 without a valid token where one is needed, 403 for the
 * wrong caller), its own rate limit per caller (429) and timeout, picks the upstream (an instance of the
 * agency's own Eureka service carrying {@code agency=<code>}, or its https base URL, checked again now)
 * and passes the caller's identity in {@code X-Huduma-*} headers. Runs after the route's URL is set.
 */
class AgencyApiFilter implements GatewayFilter, Ordered {

    static final String AGENCY_METADATA = "agency";
    static final String SUBJECT = "X-Huduma-Subject";
    static final String ROLES = "X-Huduma-Roles";
    static final String CALLER_AGENCY = "X-Huduma-Agency";
    static final String CLIENT_ID = "X-Huduma-Client-Id";
    static final String SCOPES = "X-Huduma-Scopes";

    private final AgencyApiDirectory directory;
    private final UpstreamPolicy policy;
    private final DiscoveryClient discovery;
    private final RateLimits limits;
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    AgencyApiFilter(AgencyApiDirectory directory, UpstreamPolicy policy, DiscoveryClient discovery, RateLimits limits,
                    ReactiveCircuitBreakerFactory<?, ?> breakers) {
        this.directory = directory;
        this.policy = policy;
        this.discovery = discovery;
        this.limits = limits;
        this.breakers = breakers;
    }

    @Override
    public int getOrder() {
        // after RouteToRequestUrlFilter, before the load balancer filter: this filter picks the URL itself
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        List<String> segments = Arrays.stream(exchange.getRequest().getPath().value().split("/"))
                .filter(s -> !s.isEmpty()).toList();
        if (segments.size() < 3 || !segments.get(0).equals("agencies")) {
            return Mono.error(ApiProblem.notFound("No agency API at this path."));
        }
        String agency = segments.get(1);
        String name = segments.get(2);
        Optional<AgencyApi> found = directory.find(agency, name);
        if (found.isEmpty()) {
            return Mono.error(ApiProblem.notFound("Agency '" + agency + "' publishes no API named '" + name + "'."));
        }
        AgencyApi api = found.get();
        if (api.suspended()) {
            return Mono.error(ApiProblem.serviceUnavailable("The agency API " + api.key() + " is suspended."));
        }
        String rest = String.join("/", segments.subList(3, segments.size()));
        return exchange.getPrincipal().map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(principal -> {
            Jwt jwt = principal.filter(JwtAuthenticationToken.class::isInstance)
                    .map(p -> ((JwtAuthenticationToken) p).getToken()).orElse(null);
            ApiProblem refusal = access(api, jwt);
            if (refusal != null) {
                return Mono.error(refusal);
            }
            String caller = jwt == null ? "address:" + exchange.getAttributeOrDefault(
                    "io.huduma.gateway.edge.EdgeFilter.client", "unknown") : "subject:" + jwt.getSubject();
            return limits.consume("agency-api:" + api.key() + ":" + caller, api.ratePerMinute(), Duration.ofMinutes(1))
                    .flatMap(verdict -> {
                        if (!verdict.allowed()) {
                            return Mono.error(ApiProblem.tooManyRequests("Too many requests to " + api.key() + ".",
                                    verdict.retryAfterSeconds()));
                        }
                        URI target = target(api, rest, exchange.getRequest().getURI().getRawQuery());
                        ServerWebExchange forwarded = exchange.mutate().request(identity(exchange.getRequest(), api, jwt)).build();
                        forwarded.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, target);
                        // the API's own timeout, inside its own circuit breaker
                        Mono<Void> call = chain.filter(forwarded).timeout(Duration.ofMillis(api.timeoutMillis()),
                                Mono.error(() -> ApiProblem.of(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout",
                                        "The agency API " + api.key() + " did not answer in time.", List.of())));
                        return breakers.create("agency-api:" + api.key()).run(call, Mono::error)
                                .onErrorMap(AgencyApiFilter::refusedAtConnect, e -> ApiProblem.of(HttpStatus.BAD_GATEWAY,
                                        "bad-gateway", "The upstream of " + api.key() + " is refused or unknown.", List.of()));
                    });
        });
    }

    private static boolean refusedAtConnect(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** Null when the caller may call the API; else the 401/403 problem. */
    private static ApiProblem access(AgencyApi api, Jwt jwt) {
        if (api.access() == AgencyApi.Access.PUBLIC) {
            return null;
        }
        if (jwt == null) {
            return ApiProblem.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "The agency API " + api.key() + " needs a valid access token.", List.of());
        }
        Caller caller = Caller.of(jwt);
        boolean allowed = switch (api.access()) {
            case CITIZEN -> caller.hasRole(Roles.CITIZEN);
            case AGENCY_STAFF -> caller.hasAnyRole(Roles.AGENCY_OFFICER, Roles.AGENCY_ADMIN) && caller.belongsTo(api.agency());
            case CLIENT_SCOPES -> !api.requiredScopes().isEmpty() && scopes(jwt).containsAll(api.requiredScopes());
            case PUBLIC -> true;
        };
        return allowed ? null : ApiProblem.forbidden("This caller may not use the agency API " + api.key() + ".");
    }

    private static Set<String> scopes(Jwt jwt) {
        String scope = jwt.getClaimAsString("scope");
        return scope == null ? Set.of() : Set.of(scope.trim().split("\\s+"));
    }

    private URI target(AgencyApi api, String rest, String rawQuery) {
        String base;
        if (api.isDiscovered()) {
            String serviceId = api.upstream().substring("lb://".length());
            List<ServiceInstance> instances = discovery.getInstances(serviceId).stream()
                    .filter(i -> api.agency().equals(i.getMetadata().get(AGENCY_METADATA))).toList();
            if (instances.isEmpty()) {
                throw ApiProblem.serviceUnavailable("No instance of " + serviceId + " is registered for agency "
                        + api.agency() + ".");
            }
            ServiceInstance chosen = instances.get(ThreadLocalRandom.current().nextInt(instances.size()));
            base = chosen.getUri().toString();
        } else {
            // checked again on every call: the address a name resolves to may have changed since registration
            Optional<String> refusal = policy.refusal(api.upstream());
            if (refusal.isPresent()) {
                throw ApiProblem.of(HttpStatus.BAD_GATEWAY, "bad-gateway", "The upstream of " + api.key() + " is refused: "
                        + refusal.get() + ".", List.of());
            }
            base = api.upstream();
        }
        String path = base.replaceAll("/+$", "") + (rest.isEmpty() ? "" : "/" + rest);
        return UriComponentsBuilder.fromUriString(path).query(rawQuery).build(true).toUri();
    }

    /** The caller's identity for the upstream; the token itself only to the agency's services inside the platform. */
    private static ServerHttpRequest identity(ServerHttpRequest request, AgencyApi api, Jwt jwt) {
        return request.mutate().headers(headers -> {
            if (!api.isDiscovered()) {
                headers.remove(HttpHeaders.AUTHORIZATION);
            }
            headers.remove(HttpHeaders.COOKIE);
            if (jwt != null) {
                Caller caller = Caller.of(jwt);
                headers.set(SUBJECT, jwt.getSubject());
                headers.set(ROLES, String.join(",", caller.roles().stream().sorted().toList()));
                if (caller.agency() != null) {
                    headers.set(CALLER_AGENCY, caller.agency());
                }
                if (jwt.getClaimAsString("azp") != null) {
                    headers.set(CLIENT_ID, jwt.getClaimAsString("azp"));
                }
                headers.set(SCOPES, String.join(" ", scopes(jwt).stream().sorted().toList()));
            }
        }).build();
    }
}
