package io.huduma.portal.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** Swahili first; the language a person picks is remembered in a cookie (a year) and, when signed in, in their profile. */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    static final Locale SWAHILI = Locale.forLanguageTag("sw");
    static final Locale ENGLISH = Locale.ENGLISH;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("HUDUMA_LANG");
        resolver.setDefaultLocale(SWAHILI);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        // only sw and en: anything else in the cookie falls back to Swahili
        resolver.setDefaultLocaleFunction(request -> SWAHILI);
        return resolver;
    }

    static Locale supported(String tag) {
        return "en".equalsIgnoreCase(tag) ? ENGLISH : SWAHILI;
    }
}
