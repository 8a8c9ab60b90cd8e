package io.huduma.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huduma.platform.domain.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0712 345 678", "712345678", "+255 712 345 678", "+255712345678", "0712-345-678"})
    void localAndInternationalFormsBecomeE164(String typed) {
        assertThat(PhoneNumber.parseMobile(typed, "/phoneNumber").e164()).isEqualTo("+255712345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "0222 111 111", "not a number", "+255 712 345", ""})
    void invalidAndLandlineNumbersAreRefusedNamingTheField(String typed) {
        assertThatThrownBy(() -> PhoneNumber.parseMobile(typed, "/phoneNumber"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.errors()).extracting(DomainException.FieldError::field).containsExactly("/phoneNumber");
                });
    }
}
