package io.huduma.platform.gatewaytest;

import java.util.Map;

import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.problem.ApiProblem;
import io.huduma.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** WebFlux endpoints for the reactive twin of the platform's web half. */
@RestController
class GatewayTestController {

    record Greeting(@NotBlank String text) {
    }

    @GetMapping("/gw/caller")
    Map<String, Object> caller(Caller caller) {
        return Map.of(
                "subject", String.valueOf(caller.subject()),
                "roles", caller.roles(),
                "agency", String.valueOf(caller.agency()),
                "anonymous", caller.isAnonymous());
    }

    @GetMapping("/gw/citizen/me")
    Map<String, Object> citizen(Caller caller) {
        return Map.of("subject", caller.subject());
    }

    /** What a route would forward downstream: the request's correlation header as the handler sees it. */
    @GetMapping("/gw/public/echo-correlation")
    Mono<Map<String, Object>> echo(@RequestHeader(Correlation.HTTP_HEADER) String forwarded, Caller caller) {
        return Mono.deferContextual(context -> Mono.just(Map.of(
                "forwarded", forwarded,
                "context", context.getOrDefault(Correlation.MDC_KEY, "none"),
                "anonymous", caller.isAnonymous())));
    }

    @GetMapping("/gw/public/things/{id}")
    Map<String, Object> thing(@PathVariable long id) {
        if (id == 404) {
            throw ApiProblem.notFound("No thing " + id);
        }
        if (id == 503) {
            // what a route meets when its service is down
            throw new IllegalStateException("route failed", new java.net.ConnectException("Connection refused"));
        }
        if (id == 500) {
            throw new IllegalStateException("secret internals");
        }
        return Map.of("id", id);
    }

    @PostMapping(path = "/gw/greetings", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> greet(@Valid @RequestBody Greeting greeting) {
        return Map.of("text", greeting.text());
    }
}
