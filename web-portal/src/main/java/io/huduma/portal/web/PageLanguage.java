package io.huduma.portal.web;

import org.springframework.context.i18n.LocaleContextHolder;

/** The language of the current request, as the API and the form schemas name it: {@code sw} (the default) or {@code en}. */
public final class PageLanguage {

    private PageLanguage() {
    }

    public static String current() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "sw";
    }
}
