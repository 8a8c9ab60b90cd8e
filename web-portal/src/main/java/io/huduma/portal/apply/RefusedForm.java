package io.huduma.portal.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.web.PageLanguage;
import tools.jackson.databind.JsonNode;

/**
 * A form the API refused, ready to show again: its controls filled with what was sent and each field's error
 * from the API's pointers under {@code /answers}, plus the messages that name no field.
 */
public record RefusedForm(List<FormField> fields, List<String> general) {

    public static RefusedForm of(JsonNode schema, JsonNode answers, ApiProblem refused, String... otherPointers) {
        String lang = PageLanguage.current();
        List<FormField> plain = FormSchema.fields(schema, lang, answers, Map.of());
        Map<String, String> errors = FormSchema.errorsByField(refused.byPointer(), "/answers", plain);
        List<String> general = new ArrayList<>();
        if (errors.containsKey("")) {
            general.add(errors.remove(""));
        }
        for (String pointer : otherPointers) {
            refused.at(pointer).ifPresent(general::add);
        }
        if (errors.isEmpty() && general.isEmpty()) {
            general.add(refused.message());
        }
        return new RefusedForm(FormSchema.fields(schema, lang, answers, errors), general);
    }
}
