package io.huduma.portal.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FormSchemaTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonNode schema = json.readTree("""
            {"type":"object","required":["a"],"properties":{
              "a":{"type":"string","x-label":{"sw":"A sw","en":"A en"}},
              "n":{"type":"number","x-label":{"sw":"N","en":""}},
              "b":{"type":"boolean","x-label":{"sw":"B","en":"B"}},
              "e":{"type":"string","enum":["x","y"],"x-label":{"sw":"E","en":"E"},"x-enum-labels":{"x":{"sw":"Eks","en":"Ex"}}},
              "g":{"type":"object","x-label":{"sw":"G","en":"G"},"properties":{"c":{"type":"integer","x-label":{"sw":"C","en":"C"}}}},
              "l":{"type":"array","items":{"type":"integer"},"x-label":{"sw":"L","en":"L"}}}}""");

    @Test
    void labelsInTheChosenLanguageFallBackToTheOther() {
        List<FormField> fields = FormSchema.fields(schema, "en", null, Map.of());
        assertThat(fields).extracting(FormField::label).containsExactly("A en", "N", "B", "E", "G", "L");
        assertThat(fields.get(0).required()).isTrue();
        assertThat(fields.get(3).options()).extracting(FormField.Option::label).containsExactly("Ex", "y");
        assertThat(fields.get(4).children()).singleElement().satisfies(c -> assertThat(c.inputName()).isEqualTo("f.g.c"));
    }

    @Test
    void answersAreTypedAndEmptyFieldsLeftOut() {
        JsonNode answers = FormSchema.answers(schema, Map.of("f.a", "  Neema ", "f.n", "1,500.5", "f.b", "true",
                "f.e", "", "f.g.c", "7", "f.l", "1\n\n2\n"));
        assertThat(answers.toString()).isEqualTo("{\"a\":\"Neema\",\"n\":1500.5,\"b\":true,\"g\":{\"c\":7},\"l\":[1,2]}");
        assertThat(FormSchema.answers(schema, Map.of("f.n", "mia moja")).path("n").asString()).isEqualTo("mia moja");
    }

    @Test
    void apiPointersFindTheirFields() {
        List<FormField> fields = FormSchema.fields(schema, "sw", null, Map.of());
        Map<String, String> errors = FormSchema.errorsByField(Map.of("/answers/g/c", "too big", "/answers/l/1", "not a number",
                "/answers", "must be an object", "/serviceId", "unknown"), "/answers", fields);
        assertThat(errors).containsEntry("g.c", "too big").containsEntry("l", "not a number").containsEntry("", "must be an object")
                .doesNotContainKey("serviceId");
    }
}
