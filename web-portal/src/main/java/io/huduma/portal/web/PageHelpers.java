package io.huduma.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.stereotype.Component;

/** Small helpers the templates call as {@code @ui}: dates in Tanzania's time zone, ids for aria attributes. */
@Component("ui")
public class PageHelpers {

    static final ZoneId TANZANIA = ZoneId.of("Africa/Dar_es_Salaam");

    /** Who is looking (also on Boot's error pages, which no controller advice reaches). */
    public Person person() {
        return Person.of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The page's own path and query, where the language switch returns to. */
    public String currentPath() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            Object original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
            String path = original != null ? original.toString() : request.getRequestURI();
            String query = original != null ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING)
                    : request.getQueryString();
            return path + (query == null ? "" : "?" + query);
        }
        return "/";
    }

    public String lang() {
        return PageLanguage.current();
    }

    public String dateTime(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", locale()).withZone(TANZANIA).format(at);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern("d MMM yyyy", locale()).format(date);
    }

    /** The value of aria-describedby for a control with an optional help text and error (null: no attribute). */
    public String describedBy(String id, boolean help, boolean error) {
        String ids = ((help ? id + "-help" : "") + " " + (error ? id + "-error" : "")).strip();
        return ids.isEmpty() ? null : ids;
    }

    private static Locale locale() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("sw-TZ");
    }
}
