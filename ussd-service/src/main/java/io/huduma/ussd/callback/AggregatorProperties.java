package io.huduma.ussd.callback;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The USSD aggregator ({@code huduma.ussd.aggregator.*}).
 *
 * @param key the shared secret it sends in {@code X-Ussd-Key}
 * @param allowedAddresses the addresses (CIDR) it calls from
 * @param trustedProxies proxies in front of this service (the gateway) whose {@code X-Forwarded-For} is believed
 */
@ConfigurationProperties("huduma.ussd.aggregator")
record AggregatorProperties(String key, List<String> allowedAddresses, List<String> trustedProxies) {

    AggregatorProperties {
        if (key == null || key.length() < 12) {
            throw new IllegalStateException("huduma.ussd.aggregator.key (USSD_AGGREGATOR_KEY) must be set, 12 characters or more");
        }
        allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    @Override
    public String toString() {
        return "AggregatorProperties[allowedAddresses=" + allowedAddresses + ", trustedProxies=" + trustedProxies + "]";
    }
}
