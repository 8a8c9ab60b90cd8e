package io.huduma.ussd.menu;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One field of a service's form schema, asked on one USSD screen: a choice, a yes/no, a number or
 * a short text. A schema with any other kind of field cannot be answered from a basic phone.
 */
record Question(String name, Bilingual label, Kind kind, List<Option> options, BigDecimal minimum,
                BigDecimal maximum, boolean integer, int minLength, int maxLength, Pattern pattern, boolean required) {

    /** Longest text a USSD screen asks for (the catalogue allows no longer for USSD services). */
    static final int SHORT_TEXT = 60;

    enum Kind { CHOICE, YES_NO, NUMBER, TEXT }

    /** A value of a choice and its label. */
    record Option(String value, Bilingual label) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The questions of a form schema in their order, or empty when a field does not fit a phone. */
    static Optional<List<Question>> of(String formSchemaJson) {
        JsonNode schema;
        try {
            schema = JSON.readTree(formSchemaJson == null || formSchemaJson.isBlank() ? "{}" : formSchemaJson);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        List<Question> questions = new ArrayList<>();
        for (var field : schema.path("properties").properties()) {
            Optional<Question> question = of(field.getKey(), field.getValue(), required.contains(field.getKey()));
            if (question.isEmpty()) {
                return Optional.empty();
            }
            questions.add(question.get());
        }
        return Optional.of(List.copyOf(questions));
    }

    private static Optional<Question> of(String name, JsonNode field, boolean required) {
        Bilingual label = new Bilingual(field.path("x-label").path("sw").asString(name),
                field.path("x-label").path("en").asString(name));
        String type = field.path("type").asString("");
        if (field.has("enum")) {
            List<Option> options = new ArrayList<>();
            for (JsonNode value : field.path("enum")) {
                String v = value.asString();
                JsonNode l = field.path("x-enum-labels").path(v);
                options.add(new Option(v, new Bilingual(l.path("sw").asString(v), l.path("en").asString(v))));
            }
            return options.isEmpty() ? Optional.empty() : Optional.of(new Question(name, label, Kind.CHOICE,
                    List.copyOf(options), null, null, false, 0, 0, null, required));
        }
        switch (type) {
            case "boolean":
                return Optional.of(new Question(name, label, Kind.YES_NO, List.of(), null, null, false, 0, 0, null, required));
            case "integer", "number":
                return Optional.of(new Question(name, label, Kind.NUMBER, List.of(), decimal(field.path("minimum")),
                        decimal(field.path("maximum")), type.equals("integer"), 0, 0, null, required));
            case "string":
                if (field.has("format") || !field.has("maxLength") || field.path("maxLength").asInt() > SHORT_TEXT) {
                    return Optional.empty();
                }
                Pattern pattern = null;
                if (field.has("pattern")) {
                    try {
                        pattern = Pattern.compile(field.path("pattern").asString());
                    } catch (PatternSyntaxException e) {
                        return Optional.empty();
                    }
                }
                return Optional.of(new Question(name, label, Kind.TEXT, List.of(), null, null, false,
                        field.path("minLength").asInt(0), field.path("maxLength").asInt(), pattern, required));
            default:
                return Optional.empty();
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    /**
     * The answer {@code input} gives to this question (a String, Boolean, Long or BigDecimal), or empty
     * when it is not an acceptable answer. A choice is answered by the option's number (1-based).
     */
    Optional<Object> answer(String input) {
        String in = input.strip();
        switch (kind) {
            case CHOICE -> {
                Integer n = number(in);
                return n != null && n >= 1 && n <= options.size() ? Optional.of(options.get(n - 1).value()) : Optional.empty();
            }
            case YES_NO -> {
                return in.equals("1") ? Optional.of(Boolean.TRUE) : in.equals("2") ? Optional.of(Boolean.FALSE) : Optional.empty();
            }
            case NUMBER -> {
                BigDecimal value;
                try {
                    value = new BigDecimal(in.replace(',', '.'));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if ((minimum != null && value.compareTo(minimum) < 0) || (maximum != null && value.compareTo(maximum) > 0)) {
                    return Optional.empty();
                }
                if (integer) {
                    try {
                        return Optional.of(value.longValueExact());
                    } catch (ArithmeticException e) {
                        return Optional.empty();
                    }
                }
                return Optional.of(value);
            }
            default -> {
                if (in.length() < Math.max(1, minLength) || in.length() > maxLength
                        || (pattern != null && !pattern.matcher(in).find())) {
                    return Optional.empty();
                }
                return Optional.of(in);
            }
        }
    }

    private static Integer number(String in) {
        try {
            return Integer.valueOf(in);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
