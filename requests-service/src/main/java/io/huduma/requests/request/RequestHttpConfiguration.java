package io.huduma.requests.request;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import io.huduma.platform.domain.DomainException;
import io.huduma.platform.security.Caller;
import io.huduma.platform.security.HttpRules;
import io.huduma.platform.security.Roles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Who may call the request endpoints, by role; ownership (a citizen's own requests, an officer's
 * own agency) is checked in the use cases, where a request of someone else is "not found".
 */
@Configuration(proxyBeanMethods = false)
class RequestHttpConfiguration {

    static final String REQUESTS = "/api/v1/requests";

    @Bean
    @Order(10)
    HttpRules requestHttpRules() {
        return auth -> auth
                .requestMatchers(GET, REQUESTS + "/queue").hasAnyRole(Roles.AGENCY_OFFICER, Roles.AGENCY_ADMIN)
                .requestMatchers(GET, REQUESTS + "/by-tracking-number/*").hasRole(Roles.CITIZEN)
                .requestMatchers(GET, REQUESTS, REQUESTS + "/").hasRole(Roles.CITIZEN)
                .requestMatchers(POST, REQUESTS, REQUESTS + "/").hasRole(Roles.CITIZEN)
                .requestMatchers(GET, REQUESTS + "/*", REQUESTS + "/*/timeline")
                        .hasAnyRole(Roles.CITIZEN, Roles.AGENCY_OFFICER, Roles.AGENCY_ADMIN)
                .requestMatchers(POST, REQUESTS + "/*/responses", REQUESTS + "/*/withdrawal").hasRole(Roles.CITIZEN)
                .requestMatchers(POST, REQUESTS + "/*/assignment", REQUESTS + "/*/status-changes")
                        .hasRole(Roles.AGENCY_OFFICER)
                .requestMatchers(POST, REQUESTS + "/*/notes").hasAnyRole(Roles.AGENCY_OFFICER, Roles.AGENCY_ADMIN);
    }

    /**
     * An ETag on every other successful read of requests (lists, timelines, the queue), so a phone
     * re-fetching them gets a 304 when nothing changed; a single request keeps its own version ETag.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> requestReadsEtagFilter() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns(REQUESTS, REQUESTS + "/*");
        return registration;
    }

    /** The viewer a caller stands for: staff of their token's agency, or a citizen. */
    static Viewer viewer(Caller caller) {
        if (caller.hasRole(Roles.AGENCY_OFFICER) && caller.agency() != null) {
            return new Viewer(caller.subject(), Viewer.Kind.OFFICER, caller.agency());
        }
        if (caller.hasRole(Roles.AGENCY_ADMIN) && caller.agency() != null) {
            return new Viewer(caller.subject(), Viewer.Kind.AGENCY_ADMIN, caller.agency());
        }
        if (caller.hasRole(Roles.CITIZEN) && caller.subject() != null) {
            return new Viewer(caller.subject(), Viewer.Kind.CITIZEN, null);
        }
        throw DomainException.notAllowed("Only citizens and agency staff use requests");
    }

    static Viewer citizen(Caller caller) {
        if (!caller.hasRole(Roles.CITIZEN) || caller.subject() == null) {
            throw DomainException.notAllowed("Only citizens apply and follow their own requests");
        }
        return new Viewer(caller.subject(), Viewer.Kind.CITIZEN, null);
    }
}
