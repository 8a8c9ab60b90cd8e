package io.huduma.notifications.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.huduma.notifications.inbound.SmsCommand.Keyword;
import io.huduma.notifications.sms.MobileOriginatedSms;
import io.huduma.platform.language.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HALI HD-7K3P-9QX2          | HALI   | sw | HD-7K3P-9QX2",
            "  hali    hd-7k3p-9qx2     | HALI   | sw | HD-7K3P-9QX2",
            "Hali: HD 7K3P 9QX2         | HALI   | sw | HD 7K3P 9QX2",
            "STATUS HD-7K3P-9QX2        | STATUS | en | HD-7K3P-9QX2",
            "status\t7k3p9qx2           | STATUS | en | 7K3P9QX2",
            "Status, HD-7K3P-9QX2!      | STATUS | en | HD-7K3P-9QX2",
            "MSAADA                     | MSAADA | sw | ''",
            "help me                    | HELP   | en | ''",
            "Habari yako                | OTHER  | sw | ''",
            "''                         | OTHER  | sw | ''",
            "12345                      | OTHER  | sw | ''",
            "HALI                       | HALI   | sw | ''"})
    void readsKeywordsInBothLanguagesForgivingCaseSpacesAndSeparators(String text, Keyword keyword, String language,
                                                                      String tracking) {
        SmsCommand command = SmsCommand.parse(text);

        assertThat(command.keyword()).isEqualTo(keyword);
        assertThat(command.language()).isEqualTo(Language.fromTag(language));
        assertThat(command.trackingNumber()).isEqualTo(tracking);
        assertThat(command.asksForStatus()).isEqualTo(!tracking.isEmpty());
    }

    @Test
    void keepsOnlyAShortCleanTrackingNumber() {
        SmsCommand command = SmsCommand.parse("HALI <script>HD-7K3P-9QX2</script> and a lot more text after it");

        assertThat(command.trackingNumber()).hasSizeLessThanOrEqualTo(SmsCommand.MAX_TRACKING).matches("[A-Z0-9 -]+");
    }

    @Test
    void sendersAreReadAsTanzanianNumbersInE164() {
        assertThat(AnsweringTextMessages.e164("+255712345678")).isEqualTo("+255712345678");
        assertThat(AnsweringTextMessages.e164("255712345678")).isEqualTo("+255712345678");
        assertThat(AnsweringTextMessages.e164("0712345678")).isEqualTo("+255712345678");
        assertThat(AnsweringTextMessages.e164("+254712345678")).isEqualTo("+254712345678");
        assertThat(AnsweringTextMessages.e164("HUDUMA")).isEqualTo("HUDUMA");
    }

    @Test
    void aRedeliveryHasTheSameKeyAndAnotherMessageAnother() {
        MobileOriginatedSms first = new MobileOriginatedSms("+255712345678", "15555", "HALI HD-7K3P-9QX2", 7);

        assertThat(AnsweringTextMessages.dedupeKey("+255712345678", first))
                .isEqualTo(AnsweringTextMessages.dedupeKey("+255712345678",
                        new MobileOriginatedSms("+255712345678", "15555", "HALI HD-7K3P-9QX2", 7)))
                .isNotEqualTo(AnsweringTextMessages.dedupeKey("+255712345678",
                        new MobileOriginatedSms("+255712345678", "15555", "HALI HD-7K3P-9QX2", 8)))
                .doesNotContain("HALI").hasSize(64);
    }
}
