package io.huduma.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void everyWordBecomesARequiredPrefix() {
        SearchQuery query = SearchQuery.parse("Driving  Licence");
        assertThat(query.english()).isEqualTo("driving:* & licence:*");
        assertThat(query.text()).isEqualTo("driving licence");
    }

    @Test
    void swahiliConnectivesAreLeftOutOfTheSwahiliQueryOnly() {
        SearchQuery query = SearchQuery.parse("Cheti cha Kuzaliwa");
        assertThat(query.swahili()).isEqualTo("cheti:* & kuzaliwa:*");
        assertThat(query.english()).isEqualTo("cheti:* & cha:* & kuzaliwa:*");
        assertThat(SearchQuery.parse("ya").swahili()).as("a query of connectives only keeps them").isEqualTo("ya:*");
    }

    @Test
    void operatorsAndPunctuationCannotReachTheTsquery() {
        SearchQuery query = SearchQuery.parse("pass' | !port & (x):* <->");
        assertThat(query.english()).isEqualTo("pass:* & port:* & x:*");
        assertThat(SearchQuery.parse("!!! ???")).isNull();
        assertThat(SearchQuery.parse(null)).isNull();
    }

    @Test
    void lettersWithAccentsAndLongInputAreKeptBounded() {
        assertThat(SearchQuery.parse("Ñandú café").text()).isEqualTo("ñandú café");
        SearchQuery many = SearchQuery.parse("a b c d e f g h i j k");
        assertThat(many.text().split(" ")).hasSize(SearchQuery.MAX_WORDS);
        assertThat(SearchQuery.parse("x".repeat(100)).text()).hasSize(SearchQuery.MAX_WORD_LENGTH);
    }
}
