package io.huduma.portal.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal finds the public API and Keycloak.
 *
 * @param gatewayUrl     the public gateway, the only API the portal calls
 * @param gatewayTimeout how long one API call may take
 * @param pageSize       rows per page in lists
 * @param keycloak       the realm and the portal's confidential client
 */
@ConfigurationProperties("huduma.portal")
public record PortalProperties(@DefaultValue("http://localhost:8080") URI gatewayUrl,
                               @DefaultValue("10s") Duration gatewayTimeout,
                               @DefaultValue("20") int pageSize,
                               @DefaultValue Keycloak keycloak) {

    /**
     * @param publicUrl    Keycloak as browsers reach it (the issuer's host)
     * @param internalUrl  Keycloak as the portal reaches it (token and keys)
     * @param realm        the realm
     * @param clientId     the portal's client
     * @param clientSecret its secret
     */
    public record Keycloak(@DefaultValue("http://localhost:8180") String publicUrl,
                           @DefaultValue("http://localhost:8180") String internalUrl,
                           @DefaultValue("huduma") String realm,
                           @DefaultValue("huduma-portal") String clientId,
                           @DefaultValue("dev-secret-web-portal") String clientSecret) {

        public String issuer() {
            return strip(publicUrl) + "/realms/" + realm;
        }

        public String publicEndpoint(String name) {
            return issuer() + "/protocol/openid-connect/" + name;
        }

        public String internalEndpoint(String name) {
            return strip(internalUrl) + "/realms/" + realm + "/protocol/openid-connect/" + name;
        }

        /** The origin browsers are sent to (allowed as a form target by the Content-Security-Policy). */
        public String publicOrigin() {
            URI uri = URI.create(strip(publicUrl));
            return uri.getScheme() + "://" + uri.getAuthority();
        }

        private static String strip(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }
}
