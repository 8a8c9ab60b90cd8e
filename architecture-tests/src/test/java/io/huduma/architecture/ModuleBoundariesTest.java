package io.huduma.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The boundaries the architecture promises: services share only {@code contracts} and the
 * technology in {@code platform}; domain rules know nothing of Spring, Kafka or protobuf.
 */
@AnalyzeClasses(packages = "io.huduma", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    static final List<String> SERVICE_MODULES = List.of(
            "gateway", "identity", "service-catalog", "requests-service", "notifications-service", "discovery",
            "ussd-service", "web-portal");

    /** Each top-level package under io.huduma is one module; only platform and contracts may be shared. */
    @ArchTest
    static final ArchRule servicesDoNotDependOnEachOther = slices()
            .matching("io.huduma.(*)..").namingSlices("module $1")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAnyPackage("io.huduma.platform..", "io.huduma.contracts.."));

    @ArchTest
    static final ArchRule platformHoldsNoServiceCode = noClasses()
            .that().resideInAPackage("io.huduma.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.huduma.catalog..", "io.huduma.requests..", "io.huduma.identity..",
                    "io.huduma.notifications..", "io.huduma.gateway..", "io.huduma.discovery..",
                    "io.huduma.ussd..", "io.huduma.portal..");

    /**
     * Packages of pure rules: any {@code ..domain..} package, and the catalogue's form-schema
     * rules. They may read JSON (a form schema is JSON) but know nothing of Spring at all.
     */
    @ArchTest
    static final ArchRule pureRulePackagesKnowNoFramework = noClasses()
            .that().resideInAnyPackage("io.huduma..domain..", "io.huduma.catalog.formschema..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.google.protobuf..",
                    "io.huduma.contracts..", "io.grpc..", "jakarta.persistence..", "jakarta.servlet..")
            .because("rules with real logic stay testable without Spring, Kafka or protobuf (conventions.md)");

    /**
     * In every service, the model types and use cases (everything but the adapters beside them)
     * import no Spring web, Kafka, gRPC, protobuf, JDBC or HTTP-problem types.
     */
    @ArchTest
    static final ArchRule serviceModelAndUseCasesArePlainJava =
            ServiceLayers.modelAndUseCasesArePlainJava(ServiceLayers.SERVICE_PACKAGES.toArray(String[]::new));

    /** One name for the language idea: services use the platform's {@code Language}, never a type of their own. */
    @ArchTest
    static final ArchRule oneLanguageType = noClasses()
            .that().resideOutsideOfPackages("io.huduma.platform.language..", "io.huduma.contracts..")
            .should().haveSimpleName("Lang").orShould().haveSimpleName("Language").orShould().haveSimpleName("Languages")
            .because("Swahili-first language handling lives once, in io.huduma.platform.language.Language");

    /** The devstack starts infrastructure for tests and the local stack; no service's code may use it. */
    @ArchTest
    static final ArchRule noServiceCodeUsesTheDevstack = noClasses()
            .that().resideOutsideOfPackage("io.huduma.devstack..")
            .should().dependOnClassesThat().resideInAPackage("io.huduma.devstack..");

    /** The platform's packages (web, problem, security, events, grpc...) depend on each other without cycles. */
    @ArchTest
    static final ArchRule platformPackagesHaveNoCycles = slices()
            .matching("io.huduma.platform.(*)..").namingSlices("platform.$1")
            .should().beFreeOfCycles();

    /** At build level, no service module ships the devstack: at most its tests use it. */
    @Test
    void noServiceShipsTheDevstack() throws IOException {
        Path root = Path.of(System.getProperty("huduma.root", ".."));
        for (String module : SERVICE_MODULES) {
            String pom = Files.readString(root.resolve(module).resolve("pom.xml"));
            for (String dependency : pom.split("<dependency>")) {
                if (dependency.contains("<artifactId>devstack</artifactId>")) {
                    assertThat(dependency).as("%s/pom.xml may use devstack in tests only", module)
                            .contains("<scope>test</scope>");
                }
            }
        }
    }

    /** The same promise at build level: no service module's POM names another service module. */
    /** The gateway's one API document lists every service that publishes an OpenAPI document (springdoc). */
    @Test
    void theGatewaysApiDocumentListsEveryDocumentedService() throws IOException {
        Path root = Path.of(System.getProperty("huduma.root", ".."));
        String gateway = Files.readString(root.resolve("gateway/src/main/resources/application.yaml"));
        java.util.regex.Matcher listed = java.util.regex.Pattern.compile("documented-services: *(\\S+)").matcher(gateway);
        assertThat(listed.find()).as("huduma.gateway.documented-services in the gateway's application.yaml").isTrue();
        List<String> documented = List.of(listed.group(1).split(","));
        for (String module : SERVICE_MODULES) {
            boolean publishes = !module.equals("gateway")
                    && Files.readString(root.resolve(module).resolve("pom.xml")).contains("<groupId>org.springdoc</groupId>");
            assertThat(documented.contains(module)).as("%s in the gateway's documented-services", module).isEqualTo(publishes);
            if (publishes) {
                assertThat(gateway).as("%s in the gateway's Swagger UI list", module)
                        .contains("url: /" + module + "/v3/api-docs");
            }
        }
    }

    @Test
    void noServicePomDependsOnAnotherService() throws IOException {
        Path root = Path.of(System.getProperty("huduma.root", ".."));
        for (String module : SERVICE_MODULES) {
            // an exclusion names a module in order NOT to depend on it
            String pom = Files.readString(root.resolve(module).resolve("pom.xml"))
                    .replaceAll("(?s)<exclusions>.*?</exclusions>", "");
            for (String other : SERVICE_MODULES) {
                if (!other.equals(module)) {
                    assertThat(pom).as("%s/pom.xml must not depend on %s", module, other)
                            .doesNotContain("<artifactId>" + other + "</artifactId>");
                }
            }
        }
    }
}
