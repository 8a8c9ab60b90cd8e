package io.huduma.gateway.agency;

import io.huduma.platform.net.UpstreamPolicy;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

import io.huduma.gateway.ratelimit.RateLimits;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Agency APIs, live: loaded from service-catalog at start (retried until the catalogue answers), kept
 * current by its events, served on one route {@code /agencies/**} whose filter does the rest.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgencyApiProperties.class)
class AgencyApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AgencyApiConfiguration.class);

    @Bean
    UpstreamPolicy agencyUpstreamPolicy(AgencyApiProperties properties) {
        return UpstreamPolicy.of(properties.allowedHosts(), properties.allowedLoopbackPorts());
    }

    @Bean
    AgencyApiDirectory agencyApiDirectory(UpstreamPolicy policy) {
        return new AgencyApiDirectory(policy);
    }

    @Bean
    AgencyApiCatalogClient agencyApiCatalogClient(GrpcChannelFactory channels) {
        return new AgencyApiCatalogClient(channels);
    }

    @Bean
    AgencyApiListener agencyApiListener(AgencyApiDirectory directory) {
        return new AgencyApiListener(directory);
    }

    @Bean
    AgencyApiFilter agencyApiFilter(AgencyApiDirectory directory, UpstreamPolicy policy, DiscoveryClient discovery,
                                    RateLimits limits, ReactiveCircuitBreakerFactory<?, ?> breakers) {
        return new AgencyApiFilter(directory, policy, discovery, limits, breakers);
    }

    @Bean
    RouteLocator agencyApiRoutes(RouteLocatorBuilder builder, AgencyApiFilter filter) {
        // the URL is the filter's choice per API; this one is never called
        return builder.routes().route("agency-apis", r -> r.path("/agencies/*/*", "/agencies/*/*/**")
                .filters(f -> f.filter(filter)).uri("http://agency-api.invalid")).build();
    }

    /** The routing client resolves agency upstream names through the guard (no redirects are followed either). */
    @Bean
    HttpClientCustomizer agencyUpstreamResolver(AgencyApiDirectory directory, ObjectProvider<UpstreamLookup> lookup) {
        GuardedResolver resolver = new GuardedResolver(directory::isUpstreamHost, directory::isExemptHost,
                lookup.getIfAvailable(() -> java.net.InetAddress::getAllByName));
        return client -> client.resolver(resolver).followRedirect(false);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> loadAgencyApis(AgencyApiCatalogClient catalog, AgencyApiDirectory directory,
                                                              AgencyApiProperties properties) {
        return ready -> Mono.fromCallable(catalog::all)
                .subscribeOn(Schedulers.boundedElastic())
                .doOnError(e -> log.warn("Agency APIs not loaded from service-catalog yet ({}); retrying every {}",
                        e.toString(), properties.loadRetry()))
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, properties.loadRetry()))
                .subscribe(apis -> {
                    apis.forEach(api -> directory.put(api, AgencyApiCatalogClient.snapshotTime()));
                    log.info("Loaded {} agency APIs from service-catalog", apis.size());
                });
    }
}
