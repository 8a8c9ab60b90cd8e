package io.huduma.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;

/**
 * How a Keycloak access token of realm {@code huduma} maps onto Spring Security: realm roles
 * ({@code realm_access.roles}) become {@code ROLE_<role>}, scopes stay {@code SCOPE_<scope>},
 * the {@code agency} claim names the staff member's agency. Shared by HTTP and gRPC.
 */
public final class KeycloakJwt {

    public static final String AGENCY_CLAIM = "agency";
    public static final String REALM_ACCESS_CLAIM = "realm_access";

    private static final JwtGrantedAuthoritiesConverter SCOPES = new JwtGrantedAuthoritiesConverter();

    private KeycloakJwt() {
    }

    public static Set<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaim(REALM_ACCESS_CLAIM);
        Set<String> roles = new LinkedHashSet<>();
        if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> values) {
            values.forEach(value -> roles.add(String.valueOf(value)));
        }
        return roles;
    }

    /** The agency code, or null; a multi-valued user attribute yields its first value. */
    public static String agency(Jwt jwt) {
        Object agency = jwt.getClaim(AGENCY_CLAIM);
        if (agency instanceof Collection<?> values) {
            return values.isEmpty() ? null : String.valueOf(values.iterator().next());
        }
        return agency == null || String.valueOf(agency).isBlank() ? null : String.valueOf(agency);
    }

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        realmRoles(jwt).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        Collection<GrantedAuthority> scopes = SCOPES.convert(jwt);
        if (scopes != null) {
            authorities.addAll(scopes);
        }
        return authorities;
    }

    /** For {@code oauth2ResourceServer(jwt -> jwt.jwtAuthenticationConverter(...))}. */
    public static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        Converter<Jwt, Collection<GrantedAuthority>> authorities = KeycloakJwt::authorities;
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    /** The reactive twin of {@link #authenticationConverter()}. */
    public static ReactiveJwtAuthenticationConverterAdapter reactiveAuthenticationConverter() {
        return new ReactiveJwtAuthenticationConverterAdapter(authenticationConverter());
    }
}
