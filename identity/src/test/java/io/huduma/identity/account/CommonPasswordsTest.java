package io.huduma.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huduma.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    @Test
    void theListKeycloakReadsIsPackagedAndComparedWithoutCase() {
        assertThat(CommonPasswords.size()).isGreaterThan(1000);
        assertThat(CommonPasswords.contains("password123")).isTrue();
        assertThat(CommonPasswords.contains("Tanzania@2026")).isTrue();
        assertThat(CommonPasswords.contains("QWERTYUIOP")).isTrue();
        assertThat(CommonPasswords.contains("Mlima-wa-Kilimanjaro-5895")).isFalse();
        assertThat(CommonPasswords.contains(null)).isFalse();
    }

    @Test
    void aCommonPasswordIsRefusedAtTheFieldItCameIn() {
        assertThatThrownBy(() -> CommonPasswords.refuse("Nakupenda123", "/password"))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("/password");
                        assertThat(error.message()).contains("common");
                    });
                });
        CommonPasswords.refuse("Mlima-wa-Kilimanjaro-5895", "/password");
    }
}
