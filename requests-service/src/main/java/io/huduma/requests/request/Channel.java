package io.huduma.requests.request;

import java.util.Locale;

/** How the citizen applied. */
public enum Channel {
    WEB, MOBILE, SMS, USSD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
