package io.huduma.gateway;

import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import reactor.core.publisher.Flux;

/**
 * The shared Eureka also holds the instances other modules' tests register under the same ids: the
 * gateways under test balance over this run's {@link FakeUpstream}s only.
 */
@TestConfiguration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = FakeInstancesBalancing.class)
class FakesOnly {
}
