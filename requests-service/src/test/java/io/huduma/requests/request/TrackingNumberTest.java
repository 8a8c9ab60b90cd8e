package io.huduma.requests.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackingNumberTest {

    private final Random random = new Random(42);

    @Test
    void looksLikeHdFourDashFourFromTheUnambiguousAlphabet() {
        for (int i = 0; i < 1000; i++) {
            String value = TrackingNumber.random(random).value();
            assertThat(value).matches("HD-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
            assertThat(value).doesNotContain("0", "1", "I", "L", "O");
        }
    }

    @Test
    void parsesWhatItPrintsAndForgivesCaseSpacesAndDashes() {
        TrackingNumber number = TrackingNumber.random(random);
        String compact = number.value().substring(3).replace("-", "");

        assertThat(TrackingNumber.parse(number.value())).contains(number);
        assertThat(TrackingNumber.parse(number.value().toLowerCase())).contains(number);
        assertThat(TrackingNumber.parse(compact)).contains(number);
        assertThat(TrackingNumber.parse(" hd " + compact.substring(0, 4) + " " + compact.substring(4))).contains(number);
    }

    @Test
    void everySingleMistypedCharacterIsDetected() {
        for (int n = 0; n < 200; n++) {
            String compact = TrackingNumber.random(random).value().substring(3).replace("-", "");
            for (int position = 0; position < compact.length(); position++) {
                for (char c : TrackingNumber.ALPHABET.toCharArray()) {
                    if (c == compact.charAt(position)) {
                        continue;
                    }
                    String typo = compact.substring(0, position) + c + compact.substring(position + 1);
                    assertThat(TrackingNumber.parse(typo)).as(typo).isEmpty();
                }
            }
        }
    }

    @Test
    void everySwapOfNeighbouringBodyCharactersIsDetected() {
        for (int n = 0; n < 500; n++) {
            String compact = TrackingNumber.random(random).value().substring(3).replace("-", "");
            for (int i = 0; i < 6; i++) {
                if (compact.charAt(i) == compact.charAt(i + 1)) {
                    continue;
                }
                String swapped = compact.substring(0, i) + compact.charAt(i + 1) + compact.charAt(i) + compact.substring(i + 2);
                assertThat(TrackingNumber.parse(swapped)).as(swapped).isEmpty();
            }
        }
    }

    @Test
    void refusesLookAlikesWrongLengthsAndGarbage() {
        assertThat(TrackingNumber.parse("HD-0K3P-9QX2")).isEmpty();
        assertThat(TrackingNumber.parse("HD-7K3P-9QX")).isEmpty();
        assertThat(TrackingNumber.parse("")).isEmpty();
        assertThat(TrackingNumber.parse(null)).isEmpty();
        assertThat(TrackingNumber.parse("'; drop table request; --")).isEmpty();
        assertThatThrownBy(() -> new TrackingNumber("HD-AAAA-AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomNumbersRarelyCollide() {
        Set<TrackingNumber> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            seen.add(TrackingNumber.random(random));
        }
        assertThat(seen).hasSizeGreaterThan(19_990);
    }
}
