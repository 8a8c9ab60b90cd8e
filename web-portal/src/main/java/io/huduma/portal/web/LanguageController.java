package io.huduma.portal.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.gateway.GatewayClient;

/** The language switch: a small form on every page (no script), back to the page it was on. */
@Controller
class LanguageController {

    private final LocaleResolver locales;
    private final GatewayClient gateway;

    LanguageController(LocaleResolver locales, GatewayClient gateway) {
        this.locales = locales;
        this.gateway = gateway;
    }

    @PostMapping("/language")
    String change(@RequestParam String lang, @RequestParam(defaultValue = "/") String next, HttpServletRequest request,
                  HttpServletResponse response, Authentication authentication) {
        var locale = LanguageConfiguration.supported(lang);
        locales.setLocale(request, response, locale);
        if (Person.of(authentication).signedIn()) {
            try {
                // remembered per person too: SMS and email follow it
                gateway.send(HttpMethod.PATCH, "/api/v1/identity/me", Map.of("language", locale.getLanguage()), Map.of());
            } catch (ApiProblem | GatewayClient.SignInRequired notNow) {
                // the cookie still holds the choice
            }
        }
        return "redirect:" + localPath(next);
    }

    /** Only a path of this site (never another host: no open redirect). */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.contains("\r") || next.contains("\n")) {
            return "/";
        }
        return next;
    }
}
