package io.huduma.notifications.otp;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param allowedClients the service clients (token {@code azp}) that may ask for a code to be sent */
@ConfigurationProperties("huduma.notifications.otp")
record OtpProperties(List<String> allowedClients) {

    OtpProperties {
        allowedClients = allowedClients == null ? List.of("svc-identity") : List.copyOf(allowedClients);
    }
}
