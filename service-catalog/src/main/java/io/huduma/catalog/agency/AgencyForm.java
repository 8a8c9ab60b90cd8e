package io.huduma.catalog.agency;

import io.huduma.catalog.language.LocalizedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a platform administrator sends to create ({@code code} required) or replace an agency. */
record AgencyForm(
        @Pattern(regexp = "^[a-z][a-z0-9-]{1,31}$", message = "must be 2-32 lower-case letters, digits or dashes, starting with a letter")
        String code,
        @NotNull @Valid Name name,
        @NotBlank @Email @Size(max = 254) String contactEmail,
        @NotBlank @Size(max = 40) String contactPhone,
        @Pattern(regexp = "^https?://[^\\s]{3,490}$", message = "must be an http(s) URL") String website,
        AgencyStatus status) {

    /** An agency's name in both languages, as long as the {@code agencies} columns hold (200). */
    record Name(@NotBlank @Size(max = 200) String sw, @NotBlank @Size(max = 200) String en) {

        LocalizedText text() {
            return new LocalizedText(sw, en);
        }
    }
}
