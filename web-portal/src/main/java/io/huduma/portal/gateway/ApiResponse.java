package io.huduma.portal.gateway;

import java.util.Optional;

import org.springframework.http.HttpHeaders;

import tools.jackson.databind.JsonNode;

/** A successful answer of the gateway API: status, headers and the JSON body (a missing node when empty). */
public record ApiResponse(int status, HttpHeaders headers, JsonNode body, String text) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.getFirst(name));
    }
}
