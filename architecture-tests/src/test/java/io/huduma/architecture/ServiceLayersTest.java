package io.huduma.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The layer rule catches what it is meant to catch: shown on fixture classes shaped like the old catalogue. */
class ServiceLayersTest {

    private final JavaClasses fixture = new ClassFileImporter().importPackages("io.huduma.archfixture");

    @Test
    void aModelTypeMappingItselfToProtobufOrAUseCaseThrowingHttpProblemsBreaksTheRule() {
        assertThatThrownBy(() -> ServiceLayers.modelAndUseCasesArePlainJava("io.huduma.archfixture..").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Thing.toProto()")
                .hasMessageContaining("ManagingThings.find(")
                .satisfies(error -> assertThat(error.getMessage())
                        .as("adapters and plain use cases are not reported")
                        .doesNotContain("ThingController").doesNotContain("<io.huduma.archfixture.feature.Plain"));
    }

    @Test
    void adaptersAreRecognisedByNameAndPackage() {
        assertThat(ServiceLayers.ADAPTER.test(fixture.get("io.huduma.archfixture.feature.ThingController"))).isTrue();
        assertThat(ServiceLayers.ADAPTER.test(fixture.get("io.huduma.archfixture.feature.Thing"))).isFalse();
        assertThat(ServiceLayers.ADAPTER.test(fixture.get("io.huduma.archfixture.feature.ManagingThings"))).isFalse();
    }
}
