package io.huduma.catalog.service;

import io.huduma.catalog.formschema.FormSchemaRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

    @Bean
    FormSchemaRules formSchemaRules(FormSchemaProperties properties) {
        return new FormSchemaRules(properties.limits());
    }
}
