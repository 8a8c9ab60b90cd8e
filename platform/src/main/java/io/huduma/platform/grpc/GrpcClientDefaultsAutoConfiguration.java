package io.huduma.platform.grpc;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.client.interceptor.DefaultDeadlineSetupClientInterceptor;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;

import io.grpc.ClientInterceptor;

/**
 * Defaults for every channel made by spring-grpc's {@link GrpcChannelFactory}: the service's own
 * client-credentials token ({@code svc-<module>}), the correlation id, and a deadline
 * ({@code huduma.grpc.default-deadline}) for calls that set none.
 */
@AutoConfiguration
@ConditionalOnClass({ GrpcChannelFactory.class, ClientInterceptor.class })
@EnableConfigurationProperties({ HudumaGrpcProperties.class, ServiceAuthProperties.class })
public final class GrpcClientDefaultsAutoConfiguration {

    @Bean
    @GlobalClientInterceptor
    CorrelationClientInterceptor grpcCorrelationClientInterceptor() {
        return new CorrelationClientInterceptor();
    }

    @Bean
    @GlobalClientInterceptor
    DefaultDeadlineSetupClientInterceptor grpcDefaultDeadlineInterceptor(HudumaGrpcProperties properties) {
        return new DefaultDeadlineSetupClientInterceptor(properties.defaultDeadline());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AuthorizedClientServiceOAuth2AuthorizedClientManager.class)
    @ConditionalOnProperty(name = "huduma.service-auth.enabled", havingValue = "true", matchIfMissing = true)
    static class ServiceAuthConfiguration {

        @Bean
        ServiceTokens serviceTokens(ServiceAuthProperties properties, Environment environment) {
            return new ServiceTokens(properties.withDefaults(environment));
        }

        @Bean
        @GlobalClientInterceptor
        ServiceTokenClientInterceptor grpcServiceTokenInterceptor(ServiceTokens tokens) {
            return new ServiceTokenClientInterceptor(tokens);
        }
    }
}
