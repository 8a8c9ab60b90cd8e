package io.huduma.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.gateway.GatewayClient;

/** What every page knows (who is signed in, the current path for the language switch) and how API refusals are shown. */
@ControllerAdvice
class PortalAdvice {

    @ModelAttribute("person")
    Person person(Authentication authentication) {
        return Person.of(authentication);
    }

    /** The API refused something no form on the page could fix: a page that says so in the person's language. */
    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, Model model, HttpServletResponse response) {
        int status = switch (problem.status()) {
            case 401 -> 401;
            case 403 -> 403;
            case 404 -> 404;
            case 429 -> 429;
            case 503, 502, 504 -> 503;
            default -> problem.status() >= 500 ? 502 : problem.status();
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problem", problem);
        return "error";
    }

    /** The session's tokens can no longer be used (expired or revoked at Keycloak): sign in again. */
    @ExceptionHandler({GatewayClient.SignInRequired.class, ClientAuthorizationException.class})
    String signInAgain(HttpServletRequest request) {
        request.getSession().invalidate();
        return "redirect:" + UriComponentsBuilder.fromPath("/oauth2/authorization/" + SecurityConfiguration.REGISTRATION)
                .build().toUriString();
    }
}
