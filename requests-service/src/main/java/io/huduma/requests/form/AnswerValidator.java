package io.huduma.requests.form;

import io.huduma.platform.language.Language;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.domain.DomainException.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a citizen's answers against a service version's form schema (JSON Schema 2020-12, the
 * subset service-catalog publishes) with networknt json-schema-validator, patterns on RE2/J.
 * Every problem is one {@link FieldError}: a JSON pointer into the answers and a message in
 * Swahili or English.
 */
public final class AnswerValidator {

    private final SchemaRegistry registry;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Cache<String, Schema> schemas = Caffeine.newBuilder().maximumSize(500).build();

    public AnswerValidator() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .regularExpressionFactory(Re2jRegularExpressions.INSTANCE)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
    }

    /**
     * Refuses answers that break the form (422, one error per problem, pointers under {@code /answers});
     * a version without a form schema takes any object.
     */
    public void requireValid(String formSchemaJson, JsonNode answers, Language lang) {
        String schema = formSchemaJson == null || formSchemaJson.isBlank() ? "{\"type\":\"object\"}" : formSchemaJson;
        List<FieldError> errors = validate(schema, answers, lang);
        if (!errors.isEmpty()) {
            throw DomainException.unprocessable(lang.pick("Majibu hayalingani na fomu ya huduma",
                    "The answers do not match the service's form"), errors).under("/answers");
        }
    }

    /** Everything wrong with {@code answers}; pointers relative to the answers object (e.g. {@code /fullName}). */
    public List<FieldError> validate(String formSchemaJson, JsonNode answers, Language lang) {
        if (answers == null || !answers.isObject()) {
            return List.of(new FieldError("", lang.pick("majibu yanapaswa kuwa kitu cha JSON", "answers must be a JSON object")));
        }
        Schema schema = schemas.get(formSchemaJson, text -> registry.getSchema(json.readTree(text)));
        Set<FieldError> errors = new LinkedHashSet<>();
        for (Error error : schema.validate(answers)) {
            errors.add(new FieldError(pointer(error), message(error, lang)));
        }
        return new ArrayList<>(errors);
    }

    private static String pointer(Error error) {
        String at = error.getInstanceLocation().toString();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        if (error.getProperty() != null && (keyword.equals("required") || keyword.equals("additionalProperties"))) {
            return at + "/" + error.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return at;
    }

    static String message(Error error, Language lang) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
        String a0 = args.length > 0 ? String.valueOf(args[0]) : "";
        String a1 = args.length > 1 ? String.valueOf(args[1]) : "";
        return switch (keyword) {
            case "required" -> lang.pick("jibu linahitajika", "an answer is required");
            case "type" -> lang.pick("aina ya jibu si sahihi (inatarajiwa " + typeSw(a1) + ")", "must be " + typeEn(a1));
            case "minLength" -> lang.pick("liwe na angalau herufi " + a0, "must be at least " + a0 + " characters long");
            case "maxLength" -> lang.pick("lisizidi herufi " + a0, "must be at most " + a0 + " characters long");
            case "pattern" -> lang.pick("haliko katika muundo unaotarajiwa", "does not have the expected form");
            case "format" -> lang.pick("muundo si sahihi (" + formatSw(a0) + ")", "is not a valid " + formatEn(a0));
            case "enum", "const" -> lang.pick("si mojawapo ya machaguo yanayoruhusiwa", "is not one of the allowed choices");
            case "minimum" -> lang.pick("lisiwe chini ya " + a0, "must be at least " + a0);
            case "maximum" -> lang.pick("lisizidi " + a0, "must be at most " + a0);
            case "exclusiveMinimum" -> lang.pick("liwe zaidi ya " + a0, "must be greater than " + a0);
            case "exclusiveMaximum" -> lang.pick("liwe chini ya " + a0, "must be less than " + a0);
            case "multipleOf" -> lang.pick("liwe kizidisho cha " + a0, "must be a multiple of " + a0);
            case "minItems" -> lang.pick("chagua angalau " + a0, "must have at least " + a0 + " items");
            case "maxItems" -> lang.pick("visizidi " + a0, "must have at most " + a0 + " items");
            case "uniqueItems" -> lang.pick("majibu yasijirudie", "items must not repeat");
            case "additionalProperties", "unevaluatedProperties" ->
                    lang.pick("swali hili halipo kwenye fomu", "is not a question of this form");
            default -> lang.pick("jibu si sahihi", plain(error));
        };
    }

    private static String plain(Error error) {
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        return colon >= 0 ? message.substring(colon + 2) : message;
    }

    private static String typeEn(String type) {
        return switch (type) {
            case "string" -> "a text";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "object" -> "a group of answers";
            default -> type;
        };
    }

    private static String typeSw(String type) {
        return switch (type) {
            case "string" -> "maandishi";
            case "integer" -> "namba kamili";
            case "number" -> "namba";
            case "boolean" -> "ndiyo au hapana";
            case "array" -> "orodha";
            case "object" -> "kundi la majibu";
            default -> type;
        };
    }

    private static String formatEn(String format) {
        return switch (format) {
            case "date" -> "date (YYYY-MM-DD)";
            case "date-time" -> "date and time";
            case "email" -> "email address";
            case "uri" -> "web address";
            default -> format;
        };
    }

    private static String formatSw(String format) {
        return switch (format) {
            case "date" -> "tarehe YYYY-MM-DD";
            case "date-time" -> "tarehe na saa";
            case "email" -> "anwani ya barua pepe";
            case "uri" -> "anwani ya tovuti";
            default -> format;
        };
    }
}
