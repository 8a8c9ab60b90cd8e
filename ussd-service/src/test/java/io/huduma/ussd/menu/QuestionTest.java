package io.huduma.ussd.menu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class QuestionTest {

    @Test
    void aPhoneSizedSchemaBecomesOneQuestionPerField() {
        List<Question> questions = Question.of("""
                {"type":"object","required":["name","kind"],"properties":{
                  "name":{"type":"string","maxLength":20,"minLength":2,"pattern":"^[A-Z]","x-label":{"sw":"Jina","en":"Name"}},
                  "kind":{"type":"string","enum":["a","b"],"x-enum-labels":{"a":{"sw":"Kwanza","en":"First"}},"x-label":{"sw":"Aina","en":"Kind"}},
                  "count":{"type":"integer","minimum":1,"maximum":3,"x-label":{"sw":"Idadi","en":"Count"}},
                  "ok":{"type":"boolean","x-label":{"sw":"Sawa?","en":"OK?"}}}}""").orElseThrow();

        assertThat(questions).extracting(Question::kind).containsExactly(Question.Kind.TEXT, Question.Kind.CHOICE,
                Question.Kind.NUMBER, Question.Kind.YES_NO);
        assertThat(questions).extracting(Question::required).containsExactly(true, true, false, false);
        assertThat(questions.get(0).answer("Amina")).contains("Amina");
        assertThat(questions.get(0).answer("amina")).as("pattern").isEmpty();
        assertThat(questions.get(0).answer("A")).as("minLength").isEmpty();
        assertThat(questions.get(1).options().get(0).label().en()).isEqualTo("First");
        assertThat(questions.get(1).options().get(1).label().sw()).as("no label: the value").isEqualTo("b");
        assertThat(questions.get(1).answer("2")).contains("b");
        assertThat(questions.get(1).answer("3")).isEmpty();
        assertThat(questions.get(2).answer("3")).contains(3L);
        assertThat(questions.get(2).answer("4")).isEmpty();
        assertThat(questions.get(2).answer("1.5")).isEmpty();
        assertThat(questions.get(3).answer("2")).contains(false);
        assertThat(questions.get(3).answer("0")).isEmpty();
    }

    @Test
    void aSchemaThatDoesNotFitAPhoneHasNoQuestions() {
        assertThat(Question.of("{\"properties\":{\"d\":{\"type\":\"string\",\"format\":\"date\",\"maxLength\":10}}}")).isEmpty();
        assertThat(Question.of("{\"properties\":{\"t\":{\"type\":\"string\",\"maxLength\":120}}}")).isEmpty();
        assertThat(Question.of("{\"properties\":{\"a\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}")).isEmpty();
        assertThat(Question.of("not json")).isEmpty();
    }

    @Test
    void theIdempotencyKeyIsOnePerSessionAndService() {
        assertThat(UssdMenu.idempotencyKey("s1", "x")).isEqualTo(UssdMenu.idempotencyKey("s1", "x")).startsWith("ussd-").hasSize(69)
                .isNotEqualTo(UssdMenu.idempotencyKey("s2", "x")).isNotEqualTo(UssdMenu.idempotencyKey("s1", "y"));
    }
}
