package io.huduma.notifications.sms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS routes. Defaults run against the local stack's simulators.
 *
 * @param sender     the sender id shown on handsets
 * @param smpp       the SMSC, bound as a transceiver so its delivery receipts come back on the same session
 * @param http       the HTTP aggregator, the second route
 */
@ConfigurationProperties("huduma.notifications.sms")
public record SmsProperties(String sender, Smpp smpp, Http http) {

    public SmsProperties {
        sender = sender == null ? "HUDUMA" : sender;
        smpp = smpp == null ? new Smpp(true, 1, "127.0.0.1", 2775, "huduma", "huduma", 50, null, null, null) : smpp;
        http = http == null ? new Http(true, 2, "http://127.0.0.1:8025/sms-http/send", "dev-api-key", 20, null, null,
                null) : http;
    }

    /**
     * @param messagesPerSecond the SMSC's throughput limit
     * @param reconnectDelay    pause between bind attempts while the SMSC is down
     * @param responseTimeout   how long to wait for a {@code submit_sm_resp}
     * @param enquireLink       keep-alive period
     */
    public record Smpp(boolean enabled, int priority, String host, int port, String systemId, String password,
                       double messagesPerSecond, Duration reconnectDelay, Duration responseTimeout,
                       Duration enquireLink) {
        public Smpp {
            reconnectDelay = reconnectDelay == null ? Duration.ofSeconds(2) : reconnectDelay;
            responseTimeout = responseTimeout == null ? Duration.ofSeconds(5) : responseTimeout;
            enquireLink = enquireLink == null ? Duration.ofSeconds(30) : enquireLink;
        }
    }

    /**
     * @param url             the provider's send endpoint
     * @param apiKey          bearer key (from the environment outside the local stack)
     * @param callbackBaseUrl where the provider posts delivery reports (this service's own address);
     *                        empty: {@code http://127.0.0.1:<local port>}
     * @param callbackKey     shared secret the provider echoes in the callback URL
     */
    public record Http(boolean enabled, int priority, String url, String apiKey, double messagesPerSecond,
                       String callbackBaseUrl, String callbackKey, Duration timeout) {
        public Http {
            callbackKey = callbackKey == null ? "dev-callback-key" : callbackKey;
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        }
    }
}
