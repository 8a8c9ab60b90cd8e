package io.huduma.platform.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** RFC 9457 problems for every error: controller advice and /error for servlet services, an error handler for the gateway. */
// by name: a service has no WebFlux auto-configuration, the gateway no MVC one
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration"})
public class HudumaProblemAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {

        @Bean
        ProblemErrorController hudumaErrorController() {
            return new ProblemErrorController();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.dao.DataIntegrityViolationException")
    static class ServletWithDatabase {

        @Bean
        DataAccessProblemHandler hudumaProblemHandler() {
            return new DataAccessProblemHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingClass("org.springframework.dao.DataIntegrityViolationException")
    static class ServletWithoutDatabase {

        @Bean
        ProblemHandler hudumaProblemHandler() {
            return new ProblemHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {

        @Bean
        ProblemWebExceptionHandler hudumaProblemWebExceptionHandler() {
            return new ProblemWebExceptionHandler();
        }
    }
}
