package io.huduma.platform.correlation;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The correlation id filter for servlet services and its WebFilter twin for the gateway. */
@AutoConfiguration
public class HudumaCorrelationAutoConfiguration {

    /** First of all filters, so even a 401 or a 413 carries the id. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {

        @Bean
        FilterRegistrationBean<CorrelationFilter> hudumaCorrelationFilter() {
            FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
            registration.setOrder(ORDER);
            registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR,
                    jakarta.servlet.DispatcherType.ASYNC);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {

        @Bean
        CorrelationWebFilter hudumaCorrelationWebFilter() {
            return new CorrelationWebFilter();
        }

        @Bean
        @ConditionalOnClass(name = "io.micrometer.context.ContextRegistry")
        InitializingBean hudumaCorrelationContextPropagation() {
            return CorrelationContextPropagation::register;
        }
    }
}
