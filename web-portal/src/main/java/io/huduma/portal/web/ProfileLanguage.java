package io.huduma.portal.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Lazy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.gateway.GatewayClient;

/**
 * After sign-in the portal speaks the language of the person's profile (the one their SMS and email use),
 * on any device; then it goes back to the page that asked for sign-in.
 */
@Component
class ProfileLanguage extends SavedRequestAwareAuthenticationSuccessHandler {

    private final GatewayClient gateway;
    private final LocaleResolver locales;

    ProfileLanguage(@Lazy GatewayClient gateway, LocaleResolver locales) {
        this.gateway = gateway;
        this.locales = locales;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        try {
            String language = gateway.get("/api/v1/identity/me").body().path("language").asString("");
            if (language.equals("sw") || language.equals("en")) {
                locales.setLocale(request, response, LanguageConfiguration.supported(language));
            }
        } catch (ApiProblem | GatewayClient.SignInRequired notNow) {
            // the cookie (or Swahili) stays
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
