package io.huduma.platform.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * The rule Spring Security's strict firewalls apply to every header name and value (and the servlet one
 * to parameters): only assigned Unicode code points, no control characters. The firewalls check it with
 * the regular expression {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} on each header each time a header is
 * read; with a 1.4 kB bearer token that was a fifth of the gateway's CPU per request (docs/performance.md).
 * This is the same rule as a loop with a fast path for printable ASCII; {@code HeaderCharactersTest}
 * checks it against the regular expression. The firewalls themselves, and every other rule they apply
 * (paths, methods, host names), are Spring Security's.
 */
public final class HeaderCharacters {

    /** Assigned code points that are not ISO control characters, as the firewalls' regular expression. */
    public static final Predicate<String> ALLOWED = HeaderCharacters::allowed;

    private HeaderCharacters() {
    }

    static boolean allowed(String text) {
        if (text == null) {
            // an absent header: the reactive firewall asks about the value of a header it was asked for
            return true;
        }
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** Spring Security's strict servlet firewall with this check for header names and values. */
    public static StrictHttpFirewall servletFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(ALLOWED);
        firewall.setAllowedHeaderValues(ALLOWED);
        return firewall;
    }

    /** Spring Security's strict reactive firewall with this check for header names and values. */
    public static StrictServerWebExchangeFirewall reactiveFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(ALLOWED);
        firewall.setAllowedHeaderValues(ALLOWED);
        return firewall;
    }
}
