package io.huduma.gateway.token;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Puts {@link CachingJwtDecoder} in front of the platform's token decoder (signature, issuer, audience,
 * expiry stay the platform's checks; this only avoids repeating them for a token already accepted).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenCacheConfiguration.TokenCacheProperties.class)
class TokenCacheConfiguration {

    /**
     * @param enabled   off: every request decodes its token (for comparison only)
     * @param maxTokens the most accepted tokens remembered (about 2 KB each)
     * @param maxAge    the longest a token is remembered, whatever its expiry
     */
    @ConfigurationProperties("huduma.gateway.token-cache")
    record TokenCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20000") long maxTokens,
                                @DefaultValue("5m") Duration maxAge) {
    }

    @Bean
    static BeanPostProcessor cachingJwtDecoder(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof ReactiveJwtDecoder decoder) || bean instanceof CachingJwtDecoder) {
                    return bean;
                }
                Binder binder = Binder.get(environment);
                TokenCacheProperties properties = binder.bindOrCreate("huduma.gateway.token-cache", TokenCacheProperties.class);
                if (!properties.enabled()) {
                    return bean;
                }
                // the platform's leeway on exp (HudumaSecurityProperties.clockSkew)
                Duration skew = binder.bind("huduma.security.clock-skew", Duration.class).orElse(Duration.ofSeconds(30));
                return new CachingJwtDecoder(decoder, properties.maxTokens(), properties.maxAge(), skew);
            }
        };
    }
}
