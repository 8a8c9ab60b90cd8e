package io.huduma.ussd.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Whether a callback comes from the aggregator: the shared secret, compared in constant time, and an
 * address on the allow-list. Behind trusted proxies (the ingress controller, the gateway) the address is the
 * nearest {@code X-Forwarded-For} hop that is not one of them; a forwarded header from anyone else is ignored,
 * and hops a caller wrote itself (further left) are never reached past an untrusted one.
 */
@Component
@EnableConfigurationProperties(AggregatorProperties.class)
class AggregatorAccess {

    private final byte[] key;
    private final List<IpAddressMatcher> allowed;
    private final List<IpAddressMatcher> proxies;

    AggregatorAccess(AggregatorProperties properties) {
        this.key = properties.key().getBytes(StandardCharsets.UTF_8);
        this.allowed = properties.allowedAddresses().stream().map(String::strip).map(IpAddressMatcher::new).toList();
        this.proxies = properties.trustedProxies().stream().map(String::strip).map(IpAddressMatcher::new).toList();
    }

    boolean allows(String presentedKey, String remoteAddress, String forwardedFor) {
        boolean keyMatches = presentedKey != null
                && MessageDigest.isEqual(key, presentedKey.getBytes(StandardCharsets.UTF_8));
        String address = callerAddress(remoteAddress, forwardedFor);
        return keyMatches && address != null && matches(allowed, address);
    }

    String callerAddress(String remoteAddress, String forwardedFor) {
        if (remoteAddress == null || forwardedFor == null || forwardedFor.isBlank() || !matches(proxies, remoteAddress)) {
            return remoteAddress;
        }
        // from the nearest hop outwards: the first address that is not one of our proxies is the caller
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!matches(proxies, hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }

    private static boolean matches(List<IpAddressMatcher> matchers, String address) {
        try {
            return matchers.stream().anyMatch(m -> m.matches(address));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
