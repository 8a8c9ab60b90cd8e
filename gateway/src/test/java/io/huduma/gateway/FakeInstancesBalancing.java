package io.huduma.gateway;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import reactor.core.publisher.Flux;

/** The load balancer configuration of {@link FakesOnly}: not a bean of the application context itself. */
class FakeInstancesBalancing {

    @Bean
    ServiceInstanceListSupplier fakeInstancesOnly(ConfigurableApplicationContext context) {
        ServiceInstanceListSupplier discovered = ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context);
        return new DelegatingServiceInstanceListSupplier(discovered) {
            @Override
            public Flux<List<ServiceInstance>> get() {
                return delegate.get().map(all -> all.stream()
                        .filter(i -> i.getInstanceId() != null && i.getInstanceId().contains("-fake-")).toList());
            }
        };
    }
}
