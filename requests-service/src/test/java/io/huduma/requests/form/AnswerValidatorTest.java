package io.huduma.requests.form;

import io.huduma.platform.language.Language;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import io.huduma.platform.domain.DomainException.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnswerValidatorTest {

    static final String FORM = """
            {"type":"object","required":["fullName","birthDate","children"],"additionalProperties":false,
             "properties":{
              "fullName":{"type":"string","minLength":3,"maxLength":20,"x-label":{"sw":"Jina","en":"Name"}},
              "birthDate":{"type":"string","format":"date","x-label":{"sw":"Tarehe","en":"Date"}},
              "children":{"type":"integer","minimum":0,"maximum":30,"x-label":{"sw":"Watoto","en":"Children"}},
              "region":{"type":"string","enum":["dodoma","arusha"],"x-label":{"sw":"Mkoa","en":"Region"}},
              "tin":{"type":"string","pattern":"^[0-9]{9}$","x-label":{"sw":"TIN","en":"TIN"}},
              "address":{"type":"object","required":["street"],"properties":{
                 "street":{"type":"string","x-label":{"sw":"Mtaa","en":"Street"}}},"x-label":{"sw":"Anwani","en":"Address"}}}}
            """;
    static final String EVIL = """
            {"type":"object","properties":{"code":{"type":"string","pattern":"^(a+)+$","x-label":{"sw":"Msimbo","en":"Code"}}}}
            """;

    private final AnswerValidator validator = new AnswerValidator();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void validAnswersPass() {
        assertThat(validator.validate(FORM, answers("""
                {"fullName":"Amina Hassan","birthDate":"1990-04-12","children":2,"region":"dodoma","tin":"123456789",
                 "address":{"street":"Uhuru"}}"""), Language.SW)).isEmpty();
    }

    @Test
    void everyProblemHasItsPointerAndASwahiliMessage() {
        List<FieldError> errors = validator.validate(FORM, answers("""
                {"fullName":"Am","birthDate":"12/04/1990","region":"mbeya","tin":"12345","extra":1,
                 "address":{}}"""), Language.SW);

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
                "/children", "/fullName", "/birthDate", "/region", "/tin", "/extra", "/address/street");
        assertThat(errors).contains(new FieldError("/children", "jibu linahitajika"),
                new FieldError("/fullName", "liwe na angalau herufi 3"),
                new FieldError("/tin", "haliko katika muundo unaotarajiwa"),
                new FieldError("/extra", "swali hili halipo kwenye fomu"));
    }

    @Test
    void messagesInEnglishWhenAsked() {
        List<FieldError> errors = validator.validate(FORM, answers("""
                {"fullName":"Amina","birthDate":"1990-04-12","children":31}"""), Language.EN);
        assertThat(errors).containsExactly(new FieldError("/children", "must be at most 30"));
        assertThat(validator.validate(FORM, answers("""
                {"fullName":"Amina","birthDate":"1990-04-12","children":"two"}"""), Language.EN))
                .containsExactly(new FieldError("/children", "must be a whole number"));
    }

    @Test
    void catastrophicBacktrackingPatternRunsInLinearTime() {
        // A backtracking engine tries every way of splitting the a's between the groups: 2^n steps, so 40 a's
        // and a '!' already take hours. The bound below is generous for a loaded machine, and still
        // astronomically shorter than 2^100000 steps: only a linear-time engine can meet it.
        validator.validate(EVIL, answers("{\"code\":\"a!\"}"), Language.EN);
        String hostile = "a".repeat(100_000) + "!";
        List<FieldError> errors = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> validator.validate(EVIL, answers("{\"code\":\"" + hostile + "\"}"), Language.EN));
        assertThat(errors).containsExactly(new FieldError("/code", "does not have the expected form"));
        assertThat(validator.validate(EVIL, answers("{\"code\":\"aaaa\"}"), Language.EN)).isEmpty();
    }

    @Test
    void answersMustBeAnObject() {
        assertThat(validator.validate(FORM, answers("[1,2]"), Language.EN)).extracting(FieldError::field).containsExactly("");
    }

    private JsonNode answers(String text) {
        return json.readTree(text);
    }
}
