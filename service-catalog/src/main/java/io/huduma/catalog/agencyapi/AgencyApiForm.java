package io.huduma.catalog.agencyapi;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an agency administrator sends to register ({@code name} required) or replace an agency API. */
record AgencyApiForm(
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be lower-case words joined by dashes")
        @Size(max = 40) String name,
        @NotBlank @Size(max = 500) String upstream,
        @NotNull AgencyApi.AccessPolicy accessPolicy,
        @Size(max = 20) List<@Pattern(regexp = "^[A-Za-z0-9:._/-]{1,100}$", message = "must be a scope name") String> requiredScopes,
        @NotNull @Min(1) @Max(100_000) Integer rateLimitPerMinute,
        @NotNull @Min(100) @Max(120_000) Integer timeoutMillis,
        AgencyApi.Status status) {
}
