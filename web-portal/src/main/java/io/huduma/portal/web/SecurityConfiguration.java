package io.huduma.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in through Keycloak (authorization code + PKCE as the confidential client {@code huduma-portal}),
 * tokens kept in the server-side session, CSRF on every form, a strict Content-Security-Policy, and
 * sign-out that ends the Keycloak session too.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REGISTRATION = "keycloak";
    static final String CITIZEN = "citizen";
    static final String OFFICER = "agency-officer";
    static final String AGENCY_ADMIN = "agency-admin";

    @Bean
    SecurityFilterChain portal(HttpSecurity http, ClientRegistrationRepository registrations, PortalProperties properties,
                               OAuth2AuthorizedClientRepository authorizedClients, ProfileLanguage profileLanguage)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        String csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' "
                + properties.keycloak().publicOrigin() + "; frame-ancestors 'none'; base-uri 'none'";
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error", "/error/**").permitAll()
                        .requestMatchers("/css/**", "/favicon.svg").permitAll()
                        .requestMatchers("/services/*/apply").hasRole(CITIZEN)
                        .requestMatchers("/requests", "/requests/**").hasRole(CITIZEN)
                        .requestMatchers("/officer", "/officer/**").hasAnyRole(OFFICER, AGENCY_ADMIN)
                        .requestMatchers("/admin", "/admin/**").hasRole(AGENCY_ADMIN)
                        .requestMatchers("/profile", "/profile/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/", "/services", "/services/**", "/statistics", "/statistics.csv").permitAll()
                        .requestMatchers("/signup", "/signup/**", "/password-reset", "/password-reset/**", "/language").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/" + REGISTRATION)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
                        .authorizedClientRepository(authorizedClients)
                        .successHandler(profileLanguage))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(keycloakLogout(properties)))
                .exceptionHandling(errors -> errors.accessDeniedPage("/error/403"))
                .headers(headers -> headers
                        .contentSecurityPolicy(policy -> policy.policyDirectives(csp))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Ends the Keycloak session (RP-initiated logout) and comes back to the portal's home page. */
    private static LogoutSuccessHandler keycloakLogout(PortalProperties properties) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            String home = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                    .replacePath(request.getContextPath() + "/").replaceQuery(null).build().toUriString();
            UriComponentsBuilder logout = UriComponentsBuilder.fromUriString(properties.keycloak().publicEndpoint("logout"))
                    .queryParam("client_id", properties.keycloak().clientId())
                    .queryParam("post_logout_redirect_uri", home);
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                logout.queryParam("id_token_hint", user.getIdToken().getTokenValue());
            }
            sendRedirect(response, logout.encode().build().toUriString());
        };
    }

    private static void sendRedirect(HttpServletResponse response, String location) throws IOException {
        response.sendRedirect(location);
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(PortalProperties properties, Environment environment) {
        PortalProperties.Keycloak keycloak = properties.keycloak();
        if (environment.acceptsProfiles(Profiles.of("production")) && keycloak.clientSecret().startsWith("dev-secret")) {
            throw new IllegalStateException("web-portal: set PORTAL_CLIENT_SECRET (the dev secret is refused in production)");
        }
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                .issuerUri(keycloak.issuer())
                .authorizationUri(keycloak.publicEndpoint("auth"))
                .tokenUri(keycloak.internalEndpoint("token"))
                .jwkSetUri(keycloak.internalEndpoint("certs"))
                .userInfoUri(keycloak.internalEndpoint("userinfo"))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** Tokens live in the person's server-side session, never in the browser. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Gives a fresh access token for each API call, refreshing it with the refresh token when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /** The person's realm roles and agency come from the access token (the ID token carries neither). */
    @Bean
    OidcUserService oidcUserService(JsonMapper json) {
        OidcUserService delegate = new OidcUserService();
        return new OidcUserService() {
            @Override
            public OidcUser loadUser(OidcUserRequest request) {
                OidcUser user = delegate.loadUser(request);
                JsonNode claims = claims(json, request.getAccessToken().getTokenValue());
                Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
                for (JsonNode role : claims.path("realm_access").path("roles")) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + role.asString()));
                }
                Map<String, Object> extra = new LinkedHashMap<>(user.getUserInfo() == null ? Map.of() : user.getUserInfo().getClaims());
                extra.put(IdTokenClaimNames.SUB, user.getSubject());
                if (claims.hasNonNull("agency")) {
                    extra.put("agency", claims.path("agency").asString());
                }
                List<String> roles = authorities.stream().map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
                extra.put("huduma_roles", roles);
                return new DefaultOidcUser(authorities, user.getIdToken(), new OidcUserInfo(extra), IdTokenClaimNames.SUB);
            }
        };
    }

    /**
     * The claims of an access token the portal itself just received from Keycloak's token endpoint over
     * its own authenticated back channel (so read, not verified again: the gateway verifies it on every call).
     */
    static JsonNode claims(JsonMapper json, String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return json.createObjectNode();
        }
        return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
