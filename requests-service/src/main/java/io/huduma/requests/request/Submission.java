package io.huduma.requests.request;

import java.util.UUID;

import io.huduma.platform.language.Language;
import tools.jackson.databind.JsonNode;

/**
 * An application as a channel hands it over: the citizen (from their token or, for USSD, from the
 * channel), the idempotency key the client chose, the service and the answers.
 */
public record Submission(String citizenSubject, String citizenPhone, String idempotencyKey, UUID serviceId,
                         JsonNode answers, Channel channel, Language lang) {
}
