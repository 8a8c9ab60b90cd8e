package io.huduma.catalog.service;

import io.huduma.catalog.language.LocalizedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** Where citizens get help with a service: a mailbox, a phone (E.164 once saved) and an office. */
public record ContactPoint(@Email @Size(max = 254) String email, @Size(max = 40) String phone, @Valid LocalizedText office) {
}
