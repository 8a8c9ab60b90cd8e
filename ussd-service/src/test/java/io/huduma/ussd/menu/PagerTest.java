package io.huduma.ussd.menu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.huduma.platform.language.Language;
import org.junit.jupiter.api.Test;

class PagerTest {

    @Test
    void everyPageOfALongListFitsAScreenWithAHintAndNumbersRunAcrossPages() {
        List<String> labels = IntStream.rangeClosed(1, 40).mapToObj(i -> "Huduma ndefu sana ya serikali namba " + i + " kwa wananchi").toList();
        for (Language language : Language.SUPPORTED) {
            int pages = Pager.pages("Chagua huduma:", labels, language);
            assertThat(pages).isGreaterThan(5);
            List<Integer> numbers = new ArrayList<>();
            for (int p = 0; p < pages; p++) {
                Pager.Page page = Pager.page("Chagua huduma:", labels, p, language, true);
                String withHint = "CON " + Texts.WRONG_CHOICE.in(language) + "\n" + page.text();
                assertThat(withHint).hasSizeLessThanOrEqualTo(Screen.LIMIT);
                assertThat(page.hasMore()).isEqualTo(p < pages - 1);
                assertThat(page.pick(String.valueOf(page.first() + 1))).isEqualTo(page.first());
                assertThat(page.pick(String.valueOf(page.last() + 1))).as("an item of the next page").isEqualTo(-1);
                IntStream.range(page.first(), page.last()).forEach(i -> numbers.add(i + 1));
            }
            assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        }
    }

    @Test
    void longLabelsAreCut() {
        assertThat(Pager.cut("Mamlaka ya Majisafi na Usafi wa Mazingira Dar es Salaam", 40)).hasSize(40).endsWith("..");
        assertThat(Pager.cut("Fupi", 40)).isEqualTo("Fupi");
    }
}
