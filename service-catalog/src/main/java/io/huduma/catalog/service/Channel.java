package io.huduma.catalog.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A way citizens can use a service. Written in lower case in JSON ({@code "web"}, {@code "ussd"}). */
public enum Channel {
    WEB, MOBILE, SMS, USSD;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @JsonCreator
    static Channel fromJson(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
