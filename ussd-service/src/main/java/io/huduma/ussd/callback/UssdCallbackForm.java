package io.huduma.ussd.callback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The aggregator's callback: the session, the code dialled, the caller's phone and every input so far
 * ({@code *}-separated, empty on the first callback). Sent as a form or as JSON.
 */
record UssdCallbackForm(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.:-]+") String sessionId,
        @Size(max = 40) String serviceCode,
        @NotBlank @Size(max = 20) String phoneNumber,
        @Size(max = 1000) String text) {
}
