package io.huduma.portal.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Who is looking at a page: nobody, a citizen, or agency staff (with their agency). */
public record Person(boolean signedIn, String subject, String name, List<String> roles, String agency) {

    static final Person ANONYMOUS = new Person(false, null, null, List.of(), null);

    public static Person of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return ANONYMOUS;
        }
        Object roles = user.getAttributes().get("huduma_roles");
        List<String> names = roles instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        return new Person(true, user.getSubject(), name, names, (String) user.getAttributes().get("agency"));
    }

    public boolean citizen() {
        return roles.contains(SecurityConfiguration.CITIZEN);
    }

    public boolean staff() {
        return agency != null && (roles.contains(SecurityConfiguration.OFFICER) || roles.contains(SecurityConfiguration.AGENCY_ADMIN));
    }

    public boolean officer() {
        return roles.contains(SecurityConfiguration.OFFICER);
    }

    public boolean agencyAdmin() {
        return roles.contains(SecurityConfiguration.AGENCY_ADMIN);
    }
}
