package io.huduma.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * How a service is laid out (docs/service-layout.md): in each feature package, the model types
 * and the use cases hold the rules; the adapters beside them (controllers, repositories, gRPC
 * services, Kafka listeners, event mappers, clients of other services, configuration) speak the
 * technologies. An adapter is known by its name or by living in an adapter package.
 */
final class ServiceLayers {

    /**
     * The root package of every service module that has a domain. Not web-portal: it is a client of the
     * public API (a backend-for-frontend owning no data), so every class of it is a page controller or a
     * wrapper of gateway calls: adapters only, with no model to keep plain.
     */
    static final List<String> SERVICE_PACKAGES = List.of(
            "io.huduma.catalog..", "io.huduma.identity..", "io.huduma.requests..", "io.huduma.notifications..",
            "io.huduma.ussd..");

    /** Name endings that mark an adapter (or a nested type of one). */
    static final List<String> ADAPTER_SUFFIXES = List.of(
            "Controller", "Repository", "GrpcService", "Events", "Listener", "Client", "Configuration",
            "Properties", "HttpRules", "Application", "Filter", "Interceptor", "Advice", "Job", "Provider",
            "Sender", "Form", "View", "Projection");

    /** Packages that hold only adapters. */
    static final List<String> ADAPTER_PACKAGES = List.of("..grpc..", "..proto..", "..http..", "..web..", "..kafka..");

    /** Demo data loaders (profiles local/demo) drive the use cases from the outside, like an adapter. */
    static final String DEMO_PREFIX = "Demo";

    /** What the rules of a service may not know about. */
    static final String[] TECHNOLOGY = {
            "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
            "org.springframework.kafka..", "org.apache.kafka..",
            "io.grpc..", "com.google.protobuf..", "io.huduma.contracts..",
            "java.sql..", "org.springframework.jdbc..", "jakarta.persistence..",
            "io.huduma.platform.problem.."};

    private ServiceLayers() {
    }

    static final DescribedPredicate<JavaClass> ADAPTER = new DescribedPredicate<>("an adapter") {
        @Override
        public boolean test(JavaClass javaClass) {
            JavaClass outer = javaClass;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            String name = outer.getSimpleName();
            if (name.startsWith(DEMO_PREFIX) || ADAPTER_SUFFIXES.stream().anyMatch(name::endsWith)) {
                return true;
            }
            String pkg = javaClass.getPackageName();
            return ADAPTER_PACKAGES.stream()
                    .map(pattern -> pattern.replace("..", ""))
                    .anyMatch(segment -> pkg.endsWith("." + segment) || pkg.contains("." + segment + "."));
        }
    };

    /** The rule, for the given service packages (the real ones, or a test fixture's). */
    static ArchRule modelAndUseCasesArePlainJava(String... servicePackages) {
        return noClasses()
                .that().resideInAnyPackage(servicePackages)
                .and(DescribedPredicate.not(ADAPTER))
                .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGY)
                .because("a service's model and use cases hold its rules; generated types, HTTP problems, Kafka "
                        + "and JDBC stop at the adapters beside them (conventions.md, docs/service-layout.md)");
    }
}
