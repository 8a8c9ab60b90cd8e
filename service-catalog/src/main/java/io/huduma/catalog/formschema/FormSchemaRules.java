package io.huduma.catalog.formschema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a form schema may be published: it must be valid against the meta-schema of
 * the supported JSON Schema 2020-12 subset ({@code formschema/form-schema-meta.json}), stay within
 * the size, depth and field-count limits, label every field in Swahili and English, and be
 * internally consistent (required names exist, lower bounds below upper bounds, patterns compile).
 * Every violation names the JSON pointer, inside the schema, of what is wrong.
 */
public final class FormSchemaRules {

    /** Plain JSON nesting allowed before the meta-schema is even tried, so hostile input stays cheap. */
    private static final int MAX_JSON_NESTING = 40;

    private final FormSchemaLimits limits;
    private final Schema metaSchema;
    private final JsonMapper json = JsonMapper.builder().build();

    public FormSchemaRules(FormSchemaLimits limits) {
        this.limits = limits;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        try (InputStream in = FormSchemaRules.class.getResourceAsStream("/formschema/form-schema-meta.json")) {
            if (in == null) {
                throw new IllegalStateException("formschema/form-schema-meta.json is missing from the classpath");
            }
            this.metaSchema = registry.getSchema(json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the form meta-schema", e);
        }
    }

    public FormSchemaRules() {
        this(FormSchemaLimits.DEFAULT);
    }

    public FormSchemaLimits limits() {
        return limits;
    }

    /** Everything wrong with the schema; empty when it may be published. */
    public List<FormSchemaViolation> check(JsonNode schema) {
        if (schema == null || schema.isNull() || schema.isMissingNode()) {
            return List.of(new FormSchemaViolation("", "a form schema is required"));
        }
        if (!schema.isObject()) {
            return List.of(new FormSchemaViolation("", "must be a JSON object"));
        }
        int bytes = json.writeValueAsBytes(schema).length;
        if (bytes > limits.maxBytes()) {
            return List.of(new FormSchemaViolation("",
                    "is " + bytes + " bytes; a form schema may have at most " + limits.maxBytes()));
        }
        String tooDeep = deepestPointerBeyond(schema, "", 0);
        if (tooDeep != null) {
            return List.of(new FormSchemaViolation(tooDeep, "JSON nested more than " + MAX_JSON_NESTING + " levels"));
        }
        Set<FormSchemaViolation> violations = new LinkedHashSet<>(metaSchemaViolations(schema));
        if (violations.isEmpty()) {
            FieldWalk walk = new FieldWalk();
            walk.group(schema, "", 0);
            violations.addAll(walk.violations);
            if (walk.fieldCount > limits.maxFields()) {
                violations.add(new FormSchemaViolation("/properties",
                        "the form has " + walk.fieldCount + " fields; at most " + limits.maxFields() + " are allowed"));
            }
        }
        return List.copyOf(violations);
    }

    private List<FormSchemaViolation> metaSchemaViolations(JsonNode schema) {
        List<FormSchemaViolation> result = new ArrayList<>();
        for (Error error : metaSchema.validate(schema)) {
            String pointer = error.getInstanceLocation().toString();
            // "required" and "additionalProperties" report the object; point at the member instead
            if (error.getProperty() != null
                    && ("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))) {
                pointer = pointer + "/" + escape(error.getProperty());
            }
            result.add(new FormSchemaViolation(pointer, describe(error)));
        }
        return result;
    }

    private static String describe(Error error) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "required" -> "required".equals(error.getProperty()) || error.getProperty() == null
                    ? plain(error)
                    : switch (error.getProperty()) {
                        case "x-label" -> "every field needs x-label with a Swahili (sw) and an English (en) text";
                        case "sw" -> "the Swahili (sw) text is missing";
                        case "en" -> "the English (en) text is missing";
                        default -> "'" + error.getProperty() + "' is required";
                    };
            case "additionalProperties" -> "'" + error.getProperty()
                    + "' is not supported here (see the form schema subset in the service-catalog README)";
            case "pattern" -> "must not be blank or does not have the expected form";
            default -> plain(error);
        };
    }

    /** The library's message without the location prefix it starts with (the pointer carries it). */
    private static String plain(Error error) {
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        return colon >= 0 && message.startsWith(error.getInstanceLocation().toString()) ? message.substring(colon + 2) : message;
    }

    private static String deepestPointerBeyond(JsonNode node, String pointer, int depth) {
        if (depth > MAX_JSON_NESTING) {
            return pointer;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String found = deepestPointerBeyond(member.getValue(), pointer + "/" + escape(member.getKey()), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = deepestPointerBeyond(node.get(i), pointer + "/" + i, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Walks the fields of a meta-valid schema, counting them and checking what the meta-schema cannot say. */
    private final class FieldWalk {
        private final List<FormSchemaViolation> violations = new ArrayList<>();
        private int fieldCount;

        /** An object with "properties": the form itself or a nested group. */
        void group(JsonNode group, String pointer, int depth) {
            JsonNode properties = group.path("properties");
            JsonNode required = group.path("required");
            for (int i = 0; i < required.size(); i++) {
                String name = required.get(i).asString();
                if (!properties.has(name)) {
                    violations.add(new FormSchemaViolation(pointer + "/required/" + i,
                            "'" + name + "' is required but is not one of the properties"));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                field(member.getValue(), pointer + "/properties/" + escape(member.getKey()), depth + 1);
            }
        }

        void field(JsonNode field, String pointer, int depth) {
            field(field, pointer, depth, true);
        }

        /** Array items are part of their array field, so they do not count as fields of their own. */
        void field(JsonNode field, String pointer, int depth, boolean counts) {
            if (counts) {
                fieldCount++;
            }
            if (depth > limits.maxDepth()) {
                violations.add(new FormSchemaViolation(pointer,
                        "fields may be nested at most " + limits.maxDepth() + " levels deep"));
                return;
            }
            bounds(field, pointer, "minLength", "maxLength");
            bounds(field, pointer, "minimum", "maximum");
            bounds(field, pointer, "minItems", "maxItems");
            if (field.has("pattern")) {
                try {
                    Pattern.compile(field.get("pattern").asString());
                } catch (PatternSyntaxException e) {
                    violations.add(new FormSchemaViolation(pointer + "/pattern",
                            "is not a valid regular expression: " + e.getDescription()));
                }
            }
            if (field.has("x-enum-labels")) {
                Set<String> values = new LinkedHashSet<>();
                field.path("enum").forEach(v -> values.add(v.asString()));
                for (String key : field.get("x-enum-labels").propertyNames()) {
                    if (!values.contains(key)) {
                        violations.add(new FormSchemaViolation(pointer + "/x-enum-labels/" + escape(key),
                                "labels a value that is not in enum"));
                    }
                }
            }
            switch (field.path("type").asString()) {
                case "object" -> group(field, pointer, depth);
                case "array" -> field(field.get("items"), pointer + "/items", depth + 1, false);
                default -> {
                }
            }
        }

        private void bounds(JsonNode field, String pointer, String lower, String upper) {
            if (field.has(lower) && field.has(upper) && field.get(lower).asDouble() > field.get(upper).asDouble()) {
                violations.add(new FormSchemaViolation(pointer + "/" + lower, "is greater than " + upper));
            }
        }
    }
}
