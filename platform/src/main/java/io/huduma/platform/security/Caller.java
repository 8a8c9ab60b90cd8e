package io.huduma.platform.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the token says: declare {@code Caller caller} on a controller method.
 * Authorise with it; never with an id taken from the request body.
 *
 * @param subject the token's {@code sub} (null when anonymous)
 * @param roles   realm roles ({@code citizen}, {@code agency-officer}, {@code agency-admin},
 *                {@code platform-admin}, {@code internal-service}...)
 * @param agency  the agency code of staff ({@code agency} claim), null for everyone else
 */
public record Caller(String subject, Set<String> roles, String agency) {

    private static final String ROLE_PREFIX = "ROLE_";
    private static final Caller ANONYMOUS = new Caller(null, Set.of(), null);

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Nobody: no token on the request. */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /** The caller a validated token stands for. */
    public static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), KeycloakJwt.realmRoles(jwt), KeycloakJwt.agency(jwt));
    }

    /** The caller an authentication stands for; anonymous for none. */
    public static Caller of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS;
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            return of(jwt);
        }
        // e.g. a test's authentication: roles come from the ROLE_ authorities
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toSet());
        return new Caller(authentication.getName(), roles, null);
    }

    /** The caller of the request (or gRPC call) this thread is serving. */
    public static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    /** True for staff whose token names this agency. */
    public boolean belongsTo(String agencyCode) {
        return agency != null && agency.equals(agencyCode);
    }
}
