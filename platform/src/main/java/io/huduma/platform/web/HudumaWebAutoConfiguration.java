package io.huduma.platform.web;

import java.util.List;

import io.huduma.platform.json.PlainTextDeserializer;
import io.huduma.platform.language.Language;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Servlet services: the request body limit, Swahili-first locale resolution, and a
 * {@link Language} parameter for controller methods.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HudumaWebProperties.class)
public class HudumaWebAutoConfiguration {

    /** Runs right after the correlation filter, before security: an oversized body is refused unread. */
    public static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> hudumaBodySizeLimitFilter(HudumaWebProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize().toBytes()));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    /** {@code Accept-Language: sw|en}, Swahili when absent or unsupported, for every text a service renders. */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(Language.locales());
        resolver.setDefaultLocale(Language.SW.locale());
        return resolver;
    }

    /** Controller methods may declare {@code Language language}: {@code ?lang=}, then {@code Accept-Language}, else Swahili. */
    @Bean
    WebMvcConfigurer hudumaLanguageArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new LanguageArgumentResolver());
            }
        };
    }

    /** Texts in JSON bodies with control characters are refused (400 naming the field), never stored. */
    @Bean
    JacksonModule hudumaPlainTextModule() {
        return new SimpleModule("huduma-plain-text").addDeserializer(String.class, new PlainTextDeserializer());
    }
}
