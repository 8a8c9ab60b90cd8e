package io.huduma.platform.grpc;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.netflix.eureka.EurekaInstanceConfigBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.grpc.client.GrpcChannelBuilderCustomizer;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

import com.netflix.appinfo.ApplicationInfoManager;

import io.grpc.ManagedChannelBuilder;
import io.grpc.NameResolverProvider;

/**
 * Service discovery for gRPC: channels to {@code discovery:///<module>} resolve through Spring
 * Cloud's {@link DiscoveryClient} (Eureka), and a service with a gRPC server announces its port
 * as Eureka instance metadata {@code grpc.port}. Without Eureka (Kubernetes), point channels at
 * {@code static://host:port} or {@code dns:///module:9090}; gRPC resolves those itself.
 */
@AutoConfiguration
@ConditionalOnClass({ NameResolverProvider.class, DiscoveryClient.class })
@EnableConfigurationProperties(HudumaGrpcProperties.class)
public final class GrpcDiscoveryAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(GrpcChannelBuilderCustomizer.class)
    static class ResolverConfiguration {

        @Bean
        DiscoveryTargets grpcDiscoveryTargets(ObjectProvider<DiscoveryClient> discoveryClient,
                HudumaGrpcProperties properties) {
            return new DiscoveryTargets(discoveryClient, properties.discoveryRefreshInterval());
        }

        /** Hands this context's registry view to every channel (and so to its discovery resolver). */
        @Bean
        <T extends ManagedChannelBuilder<T>> GrpcChannelBuilderCustomizer<T> grpcDiscoveryChannelCustomizer(
                DiscoveryTargets targets) {
            return (target, builder) -> builder.setNameResolverArg(DiscoveryNameResolverProvider.TARGETS, targets);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(value = { GrpcServerStartedEvent.class, ApplicationInfoManager.class, EurekaInstanceConfigBean.class },
            name = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration")
    static class EurekaPortConfiguration {

        @Bean
        EurekaGrpcPortPublisher eurekaGrpcPortPublisher(ObjectProvider<ApplicationInfoManager> applicationInfoManager) {
            return new EurekaGrpcPortPublisher(applicationInfoManager);
        }

        /**
         * A fixed {@code spring.grpc.server.port} goes into the metadata before the first
         * registration, so peers find the port at once instead of after the next replication.
         */
        @Bean
        static BeanPostProcessor eurekaGrpcPortMetadata(Environment environment) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    String port = environment.getProperty("spring.grpc.server.port");
                    if (bean instanceof EurekaInstanceConfigBean instance && port != null && port.matches("[1-9]\\d{0,4}")) {
                        instance.getMetadataMap().putIfAbsent(DiscoveryNameResolverProvider.GRPC_PORT_METADATA, port);
                    }
                    return bean;
                }
            };
        }
    }
}
