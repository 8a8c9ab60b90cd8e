package io.huduma.catalog.service;

import io.huduma.catalog.formschema.FormSchemaLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits on the form schemas agencies publish (see {@link FormSchemaLimits}). */
@ConfigurationProperties("huduma.catalog.form-schema")
record FormSchemaProperties(@DefaultValue("32768") int maxBytes, @DefaultValue("4") int maxDepth,
                            @DefaultValue("100") int maxFields) {

    FormSchemaLimits limits() {
        return new FormSchemaLimits(maxBytes, maxDepth, maxFields);
    }
}
