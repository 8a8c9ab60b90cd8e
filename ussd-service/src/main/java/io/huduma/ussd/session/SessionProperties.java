package io.huduma.ussd.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * USSD sessions ({@code huduma.ussd.session.*}).
 *
 * @param timeout the aggregator's session timeout: a session idle this long is over
 * @param purgeInterval how often expired sessions are deleted
 */
@ConfigurationProperties("huduma.ussd.session")
record SessionProperties(@DefaultValue("180s") Duration timeout, @DefaultValue("30s") Duration purgeInterval) {
}
