package io.huduma.portal.account;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.gateway.GatewayClient;
import tools.jackson.databind.JsonNode;

/** The person's profile and notification preferences (identity's {@code /me}). */
@Controller
class ProfileController {

    static final String[] PREFERENCES = {"smsRequestUpdates", "smsReminders", "emailRequestUpdates", "emailReminders"};

    private final GatewayClient gateway;
    private final LocaleResolver locales;

    ProfileController(GatewayClient gateway, LocaleResolver locales) {
        this.gateway = gateway;
        this.locales = locales;
    }

    @GetMapping("/profile")
    String profile(Model model) {
        JsonNode me = gateway.get("/api/v1/identity/me").body();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("fullName", me.path("fullName").asString(""));
        form.put("email", me.path("email").asString(""));
        form.put("language", me.path("language").asString("sw"));
        for (String preference : PREFERENCES) {
            form.put(preference, me.path("preferences").path(preference).asBoolean(false));
        }
        model.addAttribute("phoneNumber", me.path("phoneNumber").asString(""));
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        model.addAttribute("preferences", PREFERENCES);
        return "profile";
    }

    @PostMapping("/profile")
    String save(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("fullName", params.getOrDefault("fullName", ""));
        String email = params.getOrDefault("email", "").strip();
        if (!email.isEmpty()) {
            change.put("email", email);
        }
        String language = "en".equals(params.get("language")) ? "en" : "sw";
        change.put("language", language);
        Map<String, Boolean> preferences = new LinkedHashMap<>();
        for (String preference : PREFERENCES) {
            preferences.put(preference, "true".equals(params.get(preference)));
        }
        change.put("preferences", preferences);
        try {
            gateway.send(HttpMethod.PATCH, "/api/v1/identity/me", change, Map.of());
            locales.setLocale(request, response, java.util.Locale.forLanguageTag(language));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/profile";
        } catch (ApiProblem refused) {
            if (refused.status() >= 500 || refused.status() == 401 || refused.status() == 403) {
                throw refused;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            FieldErrors.of(refused).forEach((name, message) -> errors.put(name.replace("preferences.", ""), message));
            if (errors.isEmpty()) {
                errors.put("_", refused.message());
            }
            Map<String, Object> form = new LinkedHashMap<>(params);
            preferences.forEach(form::put);
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("preferences", PREFERENCES);
            return "profile";
        }
    }
}
