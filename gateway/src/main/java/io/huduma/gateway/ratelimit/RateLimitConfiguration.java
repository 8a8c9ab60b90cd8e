package io.huduma.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The edge's rate limits: Redis-backed when {@code huduma.gateway.rate-limits.redis-url} is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean
    BucketRateLimits rateLimits(RateLimitProperties properties) {
        return properties.redisUrl() == null || properties.redisUrl().isBlank() ? BucketRateLimits.inMemory()
                : BucketRateLimits.inRedis(properties.redisUrl());
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimits limits, RateLimitProperties properties) {
        return new RateLimitFilter(limits, properties);
    }
}
