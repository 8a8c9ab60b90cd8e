package io.huduma.catalog.formschema;

/** One thing wrong with a form schema: where (a JSON pointer into the schema) and what. */
public record FormSchemaViolation(String pointer, String message) {
}
