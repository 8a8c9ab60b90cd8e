package io.huduma.portal.account;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.huduma.portal.web.PageLanguage;
import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.gateway.ApiResponse;
import io.huduma.portal.gateway.GatewayClient;

/** Sign-up with a phone number and the code sent to it by SMS (identity's public API). */
@Controller
class SignUpController {

    private final GatewayClient gateway;

    SignUpController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", Map.of("language", PageLanguage.current()));
        model.addAttribute("errors", Map.of());
        return "signup";
    }

    @PostMapping("/signup")
    String start(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phoneNumber", params.getOrDefault("phoneNumber", ""));
        body.put("fullName", params.getOrDefault("fullName", ""));
        body.put("password", params.getOrDefault("password", ""));
        body.put("language", "en".equals(params.get("language")) ? "en" : "sw");
        String email = params.getOrDefault("email", "").strip();
        if (!email.isEmpty()) {
            body.put("email", email);
        }
        try {
            ApiResponse started = gateway.post("/api/v1/identity/registrations", body);
            redirect.addFlashAttribute("phoneNumber", started.body().path("phoneNumber").asString());
            return "redirect:/signup/" + GatewayClient.id(started.body().path("id").asString());
        } catch (ApiProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            Map<String, String> errors = new LinkedHashMap<>(FieldErrors.of(refused));
            if (errors.isEmpty()) {
                errors.put(refused.status() == 409 ? "phoneNumber" : "_", refused.message());
            }
            Map<String, String> form = new LinkedHashMap<>(params);
            form.remove("password");
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            return "signup";
        }
    }

    @GetMapping("/signup/{id}")
    String codeForm(@PathVariable String id, Model model) {
        model.addAttribute("registrationId", GatewayClient.id(id));
        model.addAttribute("errors", Map.of());
        return "signup-code";
    }

    @PostMapping("/signup/{id}/verification")
    String verify(@PathVariable String id, @RequestParam(defaultValue = "") String code, Model model) {
        try {
            gateway.post("/api/v1/identity/registrations/" + GatewayClient.id(id) + "/verification",
                    Map.of("code", code.strip()));
            return "signup-done";
        } catch (ApiProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            Map<String, String> errors = new LinkedHashMap<>(FieldErrors.of(refused));
            if (!errors.containsKey("code")) {
                errors.put("code", refused.message());
            }
            model.addAttribute("registrationId", GatewayClient.id(id));
            model.addAttribute("errors", errors);
            return "signup-code";
        }
    }

    @PostMapping("/signup/{id}/code")
    String resend(@PathVariable String id, Model model) {
        model.addAttribute("registrationId", GatewayClient.id(id));
        try {
            gateway.post("/api/v1/identity/registrations/" + GatewayClient.id(id) + "/code", Map.of());
            model.addAttribute("resent", true);
            model.addAttribute("errors", Map.of());
        } catch (ApiProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            model.addAttribute("errors", Map.of("_", refused.message()));
        }
        return "signup-code";
    }

}
