package io.huduma.portal.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a service's form schema (the catalogue's JSON Schema subset with {@code x-label}, {@code x-help},
 * {@code x-enum-labels}) into controls, and the submitted form back into the answers object. Values the
 * person typed that are not numbers where a number is asked for are sent as typed, so the API's own
 * validation names them (with a pointer) in the person's language.
 */
public final class FormSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormSchema() {
    }

    /** The controls of {@code schema}, filled with {@code values} (answers) and the API's {@code errors} by field path. */
    public static List<FormField> fields(JsonNode schema, String lang, JsonNode values, Map<String, String> errors) {
        return fields(schema, "", lang, values == null ? NODES.missingNode() : values, errors);
    }

    private static List<FormField> fields(JsonNode schema, String prefix, String lang, JsonNode values,
                                          Map<String, String> errors) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        List<FormField> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode field = property.getValue();
            String path = prefix + name;
            JsonNode value = values.path(name);
            String label = text(field.path("x-label"), lang, field.path("title").asString(name));
            String help = text(field.path("x-help"), lang, field.path("description").asString(null));
            boolean isRequired = required.contains(name);
            String error = errors.get(path);
            String type = field.path("type").asString("string");
            switch (type) {
                case "object" -> fields.add(new FormField(path, FormField.Kind.GROUP, label, help, isRequired, List.of(),
                        null, null, null, null, null, null, error,
                        fields(field, path + ".", lang, value, errors)));
                case "boolean" -> fields.add(new FormField(path, FormField.Kind.YES_NO, label, help, isRequired,
                        List.of(), null, null, null, null, null,
                        value.isBoolean() ? String.valueOf(value.asBoolean()) : scalar(value, field), error, List.of()));
                case "array" -> {
                    JsonNode items = field.path("items");
                    StringBuilder lines = new StringBuilder();
                    value.forEach(v -> lines.append(lines.isEmpty() ? "" : "\n").append(v.asString()));
                    boolean choices = items.has("enum");
                    fields.add(new FormField(path, FormField.Kind.LIST, label, help, isRequired,
                            choices ? options(items, lang) : List.of(), null, null, null, null, null,
                            value.isArray() ? lines.toString() : scalar(value, field), error, List.of()));
                }
                case "number", "integer" -> fields.add(new FormField(path, FormField.Kind.NUMBER, label, help, isRequired,
                        List.of(), number(field, "minimum", "exclusiveMinimum"), number(field, "maximum", "exclusiveMaximum"),
                        null, null, "integer".equals(type) ? "1" : "any", scalar(value, field), error, List.of()));
                default -> {
                    FormField.Kind kind;
                    if (field.has("enum")) {
                        kind = FormField.Kind.CHOICE;
                    } else {
                        kind = switch (field.path("format").asString("")) {
                            case "date" -> FormField.Kind.DATE;
                            case "email" -> FormField.Kind.EMAIL;
                            case "uri" -> FormField.Kind.URL;
                            default -> field.path("maxLength").asInt(0) > 200 ? FormField.Kind.LONG_TEXT : FormField.Kind.TEXT;
                        };
                    }
                    fields.add(new FormField(path, kind, label, help, isRequired,
                            kind == FormField.Kind.CHOICE ? options(field, lang) : List.of(), null, null,
                            field.has("minLength") ? field.path("minLength").asInt() : null,
                            field.has("maxLength") ? field.path("maxLength").asInt() : null, null,
                            scalar(value, field), error, List.of()));
                }
            }
        }
        return fields;
    }

    private static String scalar(JsonNode value, JsonNode field) {
        if (value.isMissingNode() || value.isNull()) {
            JsonNode fallback = field.path("default");
            return fallback.isMissingNode() || fallback.isNull() || fallback.isContainer() ? "" : fallback.asString();
        }
        return value.isContainer() ? value.toString() : value.asString();
    }

    private static String number(JsonNode field, String inclusive, String exclusive) {
        if (field.has(inclusive)) {
            return field.path(inclusive).asString();
        }
        return null;
    }

    private static List<FormField.Option> options(JsonNode field, String lang) {
        List<FormField.Option> options = new ArrayList<>();
        JsonNode labels = field.path("x-enum-labels");
        for (JsonNode value : field.path("enum")) {
            String v = value.asString();
            options.add(new FormField.Option(v, text(labels.path(v), lang, v)));
        }
        return options;
    }

    /** A bilingual text in {@code lang}, falling back to the other language, then to {@code fallback}. */
    static String text(JsonNode texts, String lang, String fallback) {
        String wanted = texts.path(lang).asString("");
        if (!wanted.isBlank()) {
            return wanted;
        }
        String other = texts.path("en".equals(lang) ? "sw" : "en").asString("");
        return other.isBlank() ? fallback : other;
    }

    /** The answers object from the submitted parameters ({@code f.<path>}); empty fields are left out. */
    public static ObjectNode answers(JsonNode schema, Map<String, String> params) {
        return answers(schema, "", params);
    }

    private static ObjectNode answers(JsonNode schema, String prefix, Map<String, String> params) {
        ObjectNode answers = NODES.objectNode();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode field = property.getValue();
            String path = prefix + name;
            String type = field.path("type").asString("string");
            if ("object".equals(type)) {
                ObjectNode group = answers(field, path + ".", params);
                if (!group.isEmpty()) {
                    answers.set(name, group);
                }
                continue;
            }
            String raw = params.get("f." + path);
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String value = raw.strip();
            switch (type) {
                case "boolean" -> {
                    if ("true".equals(value) || "false".equals(value)) {
                        answers.put(name, Boolean.parseBoolean(value));
                    } else {
                        answers.put(name, value);
                    }
                }
                case "integer", "number" -> answers.set(name, numberOrText(value, "integer".equals(type)));
                case "array" -> {
                    ArrayNode list = answers.putArray(name);
                    String itemType = field.path("items").path("type").asString("string");
                    for (String line : value.split("\\R")) {
                        if (!line.isBlank()) {
                            list.add(itemType.equals("integer") || itemType.equals("number")
                                    ? numberOrText(line.strip(), itemType.equals("integer")) : NODES.stringNode(line.strip()));
                        }
                    }
                }
                default -> answers.put(name, value);
            }
        }
        return answers;
    }

    private static JsonNode numberOrText(String value, boolean integer) {
        String normalised = value.replace(",", "").replace(" ", "");
        try {
            if (integer) {
                return NODES.numberNode(new java.math.BigInteger(normalised));
            }
            return NODES.numberNode(new java.math.BigDecimal(normalised));
        } catch (NumberFormatException notANumber) {
            return NODES.stringNode(value);
        }
    }

    /**
     * The API's field errors under {@code base} (e.g. {@code /answers}) by field path; a pointer into a list
     * ({@code /answers/directors/1}) belongs to the list. Errors that name no field of the form go under "".
     */
    public static Map<String, String> errorsByField(Map<String, String> byPointer, String base, List<FormField> fields) {
        Set<String> paths = new HashSet<>();
        collect(fields, paths);
        Map<String, String> errors = new LinkedHashMap<>();
        byPointer.forEach((pointer, message) -> {
            if (!pointer.startsWith(base)) {
                return;
            }
            String[] segments = pointer.substring(base.length()).split("/");
            StringBuilder path = new StringBuilder();
            String matched = "";
            for (String segment : segments) {
                if (segment.isEmpty()) {
                    continue;
                }
                String name = segment.replace("~1", "/").replace("~0", "~");
                String candidate = path.isEmpty() ? name : path + "." + name;
                if (!paths.contains(candidate)) {
                    break;
                }
                path.setLength(0);
                path.append(candidate);
                matched = candidate;
            }
            errors.merge(matched, message, (a, b) -> a + "; " + b);
        });
        return errors;
    }

    private static void collect(List<FormField> fields, Set<String> paths) {
        for (FormField f : fields) {
            paths.add(f.path());
            collect(f.children(), paths);
        }
    }
}
