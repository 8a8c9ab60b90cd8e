package io.huduma.portal.account;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.gateway.ApiResponse;
import io.huduma.portal.gateway.GatewayClient;

/** Password reset by a code sent to the account's phone (the answer never says whether a number has an account). */
@Controller
class PasswordResetController {

    private final GatewayClient gateway;

    PasswordResetController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/password-reset")
    String form(Model model) {
        model.addAttribute("errors", Map.of());
        return "password-reset";
    }

    @PostMapping("/password-reset")
    String start(@RequestParam(defaultValue = "") String phoneNumber, Model model) {
        try {
            ApiResponse started = gateway.post("/api/v1/identity/password-resets", Map.of("phoneNumber", phoneNumber));
            return "redirect:/password-reset/" + GatewayClient.id(started.body().path("id").asString());
        } catch (ApiProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            Map<String, String> errors = new LinkedHashMap<>(FieldErrors.of(refused));
            if (errors.isEmpty()) {
                errors.put("phoneNumber", refused.message());
            }
            model.addAttribute("phoneNumber", phoneNumber);
            model.addAttribute("errors", errors);
            return "password-reset";
        }
    }

    @GetMapping("/password-reset/{id}")
    String codeForm(@PathVariable String id, Model model) {
        model.addAttribute("resetId", GatewayClient.id(id));
        model.addAttribute("errors", Map.of());
        return "password-reset-code";
    }

    @PostMapping("/password-reset/{id}")
    String reset(@PathVariable String id, @RequestParam(defaultValue = "") String code,
                 @RequestParam(defaultValue = "") String newPassword, Model model) {
        try {
            gateway.post("/api/v1/identity/password-resets/" + GatewayClient.id(id) + "/verification",
                    Map.of("code", code.strip(), "newPassword", newPassword));
            return "password-reset-done";
        } catch (ApiProblem refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            Map<String, String> errors = new LinkedHashMap<>(FieldErrors.of(refused));
            if (errors.isEmpty()) {
                errors.put("code", refused.message());
            }
            model.addAttribute("resetId", GatewayClient.id(id));
            model.addAttribute("errors", errors);
            return "password-reset-code";
        }
    }
}
