package io.huduma.catalog.service;

import java.util.List;
import java.util.Set;

import io.huduma.catalog.language.LocalizedText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * Everything an agency says about one of its services: the editable document of a draft and
 * the frozen document of a published version.
 *
 * @param slug       the service's name in URLs, unique within its agency; fixed once the service exists
 * @param formSchema the application form (JSON Schema 2020-12 subset), checked fully at publication
 * @param fee        null when the service is free
 */
public record ServiceContent(
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be lower-case words joined by dashes")
        @Size(max = 80) String slug,
        @NotNull @Valid LocalizedText name,
        @NotNull @Valid LocalizedText description,
        @NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$", message = "must be 2-40 lower-case letters, digits or dashes")
        String category,
        @Valid LocalizedText eligibility,
        @Size(max = 30) List<@NotNull @Valid LocalizedText> requiredDocuments,
        JsonNode formSchema,
        @Valid Fee fee,
        @NotNull @Min(1) @Max(365) Integer slaWorkingDays,
        @NotEmpty Set<@NotNull Channel> channels,
        @Valid ContactPoint contact) {

    public ServiceContent {
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
    }

    ServiceContent with(String newSlug, ContactPoint newContact) {
        return new ServiceContent(newSlug, name, description, category, eligibility, requiredDocuments, formSchema, fee,
                slaWorkingDays, channels, newContact);
    }
}
