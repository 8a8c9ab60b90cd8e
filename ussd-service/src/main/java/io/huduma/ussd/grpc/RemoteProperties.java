package io.huduma.ussd.grpc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calls to the other services ({@code huduma.ussd.remote.*}).
 *
 * @param deadline the deadline of every call: a USSD screen cannot wait long
 */
@ConfigurationProperties("huduma.ussd.remote")
record RemoteProperties(@DefaultValue("5s") Duration deadline) {
}
