package io.huduma.catalog.formschema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class FormSchemaRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FormSchemaRules rules = new FormSchemaRules(new FormSchemaLimits(4_096, 2, 6));

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String LABEL = "'x-label':{'sw':'Jina','en':'Name'}";

    @Test
    void acceptsAFormUsingEverySupportedKind() {
        JsonNode schema = json("""
                {'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',
                 'required':['name','birthDate'],
                 'properties':{
                   'name':{'type':'string',%s,'minLength':2,'maxLength':100,'pattern':'^[A-Za-z ]+$'},
                   'birthDate':{'type':'string','format':'date',%s,'x-help':{'sw':'Tarehe','en':'Date'}},
                   'region':{'type':'string',%s,'enum':['dar','arusha'],'x-enum-labels':{'dar':{'sw':'Dar','en':'Dar'}}},
                   'capital':{'type':'integer',%s,'minimum':0,'maximum':1000000},
                   'agrees':{'type':'boolean',%s},
                   'phones':{'type':'array',%s,'maxItems':3,'items':{'type':'string',%s}}
                 }}""".formatted(LABEL, LABEL, LABEL, LABEL, LABEL, LABEL, LABEL));

        assertThat(rules.check(schema)).isEmpty();
    }

    @Test
    void aFieldWithoutTheEnglishLabelIsNamedByItsPointer() {
        JsonNode schema = json("{'type':'object','properties':{'name':{'type':'string','x-label':{'sw':'Jina'}}}}");

        assertThat(rules.check(schema)).extracting(FormSchemaViolation::pointer)
                .containsExactly("/properties/name/x-label/en");
    }

    @Test
    void aFieldWithoutAnyLabelIsRejected() {
        JsonNode schema = json("{'type':'object','properties':{'age':{'type':'integer'}}}");

        List<FormSchemaViolation> violations = rules.check(schema);

        assertThat(violations).extracting(FormSchemaViolation::pointer).containsExactly("/properties/age/x-label");
        assertThat(violations.get(0).message()).contains("Swahili").contains("English");
    }

    @Test
    void aBlankLabelIsRejected() {
        JsonNode schema = json("{'type':'object','properties':{'age':{'type':'integer','x-label':{'sw':'  ','en':'Age'}}}}");

        assertThat(rules.check(schema)).extracting(FormSchemaViolation::pointer).containsExactly("/properties/age/x-label/sw");
    }

    @Test
    void keywordsOutsideTheSubsetAreRejectedWhereTheyStand() {
        JsonNode schema = json("{'type':'object','properties':{'a':{'type':'string',%s,'$ref':'#/x'}}}".formatted(LABEL));

        assertThat(rules.check(schema)).extracting(FormSchemaViolation::pointer).containsExactly("/properties/a/$ref");
    }

    @Test
    void unsupportedTypesAndFormatsAreRejected() {
        JsonNode schema = json("{'type':'object','properties':{'a':{'type':'null',%s},'b':{'type':'string','format':'ipv4',%s}}}"
                .formatted(LABEL, LABEL));

        assertThat(rules.check(schema)).extracting(FormSchemaViolation::pointer)
                .contains("/properties/a/type", "/properties/b/format");
    }

    @Test
    void theRootMustBeAnObjectForm() {
        assertThat(rules.check(json("{'type':'string'}"))).extracting(FormSchemaViolation::pointer)
                .contains("/type", "/properties");
        assertThat(rules.check(json("[1,2]"))).extracting(FormSchemaViolation::pointer).containsExactly("");
        assertThat(rules.check(null)).extracting(FormSchemaViolation::pointer).containsExactly("");
    }

    @Test
    void requiredNamesMustBeProperties() {
        JsonNode schema = json("{'type':'object','required':['name','nid'],'properties':{'name':{'type':'string',%s}}}"
                .formatted(LABEL));

        assertThat(rules.check(schema)).extracting(FormSchemaViolation::pointer).containsExactly("/required/1");
    }

    @Test
    void lowerBoundsMayNotExceedUpperBoundsAndPatternsMustCompile() {
        JsonNode schema = json("""
                {'type':'object','properties':{
                  'a':{'type':'string',%s,'minLength':5,'maxLength':2,'pattern':'(unclosed'},
                  'b':{'type':'number',%s,'minimum':10,'maximum':1}}}""".formatted(LABEL, LABEL));

        assertThat(rules.check(schema)).extracting(FormSchemaViolation::pointer)
                .containsExactlyInAnyOrder("/properties/a/minLength", "/properties/a/pattern", "/properties/b/minimum");
    }

    @Test
    void enumLabelsMustLabelEnumValues() {
        JsonNode schema = json("{'type':'object','properties':{'r':{'type':'string',%s,'enum':['a'],'x-enum-labels':{'z':{'sw':'Z','en':'Z'}}}}}"
                .formatted(LABEL));

        assertThat(rules.check(schema)).extracting(FormSchemaViolation::pointer).containsExactly("/properties/r/x-enum-labels/z");
    }

    @Test
    void nestingBeyondTheDepthLimitIsNamed() {
        JsonNode schema = json("""
                {'type':'object','properties':{'g':{'type':'object',%s,'properties':{
                  'h':{'type':'object',%s,'properties':{'deep':{'type':'string',%s}}}}}}}""".formatted(LABEL, LABEL, LABEL));

        assertThat(rules.check(schema)).extracting(FormSchemaViolation::pointer)
                .containsExactly("/properties/g/properties/h/properties/deep");
    }

    @Test
    void tooManyFieldsIsRejected() {
        ObjectNode properties = JSON.createObjectNode();
        for (int i = 0; i < 7; i++) {
            properties.set("f" + i, json("{'type':'boolean',%s}".formatted(LABEL)));
        }
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        schema.set("properties", properties);

        List<FormSchemaViolation> violations = rules.check(schema);

        assertThat(violations).extracting(FormSchemaViolation::pointer).containsExactly("/properties");
        assertThat(violations.get(0).message()).contains("7 fields");
    }

    @Test
    void anOversizeSchemaIsRejectedBeforeAnythingElse() {
        String longText = "x".repeat(5_000);
        JsonNode schema = json("{'type':'object','description':'%s'}".formatted(longText));

        List<FormSchemaViolation> violations = rules.check(schema);

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).message()).contains("at most 4096");
    }

    @Test
    void absurdNestingIsRejectedWithoutRunningTheMetaSchema() {
        String deep = "{'a':".repeat(45) + "1" + "}".repeat(45);

        assertThat(rules.check(json(deep))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("nested more than"));
    }
}
