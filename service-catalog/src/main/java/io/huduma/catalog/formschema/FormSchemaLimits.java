package io.huduma.catalog.formschema;

/**
 * Bounds on a form schema, so that a form stays usable on a phone and cheap to validate on
 * every application.
 *
 * @param maxBytes  size of the schema as compact JSON
 * @param maxDepth  nesting of groups and arrays below the form itself (1 = flat form)
 * @param maxFields fields in the whole form, nested ones included
 */
public record FormSchemaLimits(int maxBytes, int maxDepth, int maxFields) {

    public static final FormSchemaLimits DEFAULT = new FormSchemaLimits(32_768, 4, 100);

    public FormSchemaLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxFields < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
