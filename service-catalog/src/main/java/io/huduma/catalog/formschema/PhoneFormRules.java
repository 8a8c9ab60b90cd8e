package io.huduma.catalog.formschema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Whether a form schema can be answered from a basic phone (USSD, one question per screen): at most
 * {@link #MAX_FIELDS} top-level fields, each a choice ({@code enum}), a yes/no ({@code boolean}), a number
 * ({@code integer}/{@code number}) or a short text ({@code string} with {@code maxLength} of at most
 * {@link #MAX_TEXT} and no {@code format}). Checked at publication for services open to the {@code ussd} channel.
 */
public final class PhoneFormRules {

    public static final int MAX_FIELDS = 5;
    public static final int MAX_TEXT = 60;
    public static final int MAX_OPTIONS = 30;

    private PhoneFormRules() {
    }

    /** Everything that keeps the schema off a phone screen, each with the pointer of its field inside the schema. */
    public static List<FormSchemaViolation> check(JsonNode schema) {
        List<FormSchemaViolation> violations = new ArrayList<>();
        JsonNode properties = schema == null ? null : schema.path("properties");
        if (properties == null || !properties.isObject()) {
            return violations;
        }
        if (properties.size() > MAX_FIELDS) {
            violations.add(new FormSchemaViolation("/properties", "a form for USSD has at most " + MAX_FIELDS
                    + " fields; this one has " + properties.size()));
        }
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            String pointer = "/properties/" + field.getKey().replace("~", "~0").replace("/", "~1");
            String problem = problem(field.getValue());
            if (problem != null) {
                violations.add(new FormSchemaViolation(pointer, problem));
            }
        }
        return violations;
    }

    private static String problem(JsonNode field) {
        if (field.has("enum")) {
            return field.path("enum").size() > MAX_OPTIONS
                    ? "a choice on USSD has at most " + MAX_OPTIONS + " options" : null;
        }
        String type = field.path("type").asString("");
        return switch (type) {
            case "boolean", "integer", "number" -> null;
            case "string" -> field.has("format")
                    ? "'" + field.path("format").asString() + "' cannot be typed on USSD: use a short text, a number or a choice"
                    : !field.has("maxLength") || field.path("maxLength").asInt() > MAX_TEXT
                    ? "a text on USSD needs maxLength of at most " + MAX_TEXT : null;
            default -> "USSD asks only a choice, a yes/no, a number or a short text; not '" + type + "'";
        };
    }
}
