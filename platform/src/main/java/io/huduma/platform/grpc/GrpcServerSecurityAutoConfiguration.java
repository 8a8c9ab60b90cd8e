package io.huduma.platform.grpc;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.grpc.BindableService;
import org.slf4j.LoggerFactory;

/**
 * Every gRPC server of the platform accepts only calls carrying a valid Keycloak access token
 * (checked by the service's own {@link JwtDecoder}: signature, issuer, audience, expiry) with the
 * realm role {@code internal-service}: no or a bad token gives UNAUTHENTICATED, a token without
 * the role PERMISSION_DENIED. Health checks and reflection stay open (probes carry no token).
 * Handlers find the caller in {@link GrpcCaller#current()}; the correlation id of the call is in
 * the MDC.
 *
 * <p>Built on spring-grpc's {@link GrpcSecurity}; declaring our {@link AuthenticationProcessInterceptor}
 * replaces spring-grpc's default one ("any authenticated caller", health included). The role is
 * checked a second time by {@link CallerServerInterceptor}, from the call's own token claims, so
 * that the rule holds whatever authentication step ran before it (spring-grpc's fallback, a
 * {@code RoleHierarchy} bean that spring-grpc applies to {@code hasAuthority}, a rule added later).
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.grpc.server.autoconfigure.security.GrpcSecurityAutoConfiguration",
        beforeName = "org.springframework.boot.grpc.server.autoconfigure.security.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration",
        value = { BindableService.class, GrpcSecurity.class, JwtDecoder.class, JwtAuthenticationToken.class })
public final class GrpcServerSecurityAutoConfiguration {

    /** Realm role a caller needs for any gRPC method of the platform. */
    public static final String REQUIRED_ROLE = io.huduma.platform.security.Roles.INTERNAL_SERVICE;

    /** Methods callable without a token (probes carry none): health checks and server reflection. */
    static final String[] OPEN_METHODS = { "grpc.health.v1.Health/*", "grpc.reflection.v1.ServerReflection/*",
            "grpc.reflection.v1alpha.ServerReflection/*" };

    @Bean
    @GlobalServerInterceptor
    @ConditionalOnBean(GrpcSecurity.class)
    AuthenticationProcessInterceptor serviceTokenAuthenticationInterceptor(GrpcSecurity grpc) throws Exception {
        grpc.authorizeRequests(calls -> calls
                .methods(OPEN_METHODS).permitAll()
                .allRequests().hasAuthority("ROLE_" + REQUIRED_ROLE));
        // decoder: the JwtDecoder bean of the service (the resource server's, same issuer and audience)
        grpc.oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtAuthenticationConverter(new ServiceTokenAuthenticationConverter())));
        return grpc.build();
    }

    @Bean
    @GlobalServerInterceptor
    CallerServerInterceptor grpcCallerInterceptor(Environment environment) {
        ResolvableType listOfClients = ResolvableType
                .forClassWithGenerics(List.class, String.class);
        Bindable<Map<String, List<String>>> callers =
                Bindable.of(ResolvableType
                        .forClassWithGenerics(Map.class, ResolvableType.forClass(String.class),
                                listOfClients));
        AllowedCallers allowed = new AllowedCallers(Binder.get(environment)
                .bind("huduma.grpc.allowed-callers", callers).orElse(Map.of()));
        if (!allowed.configured()) {
            LoggerFactory.getLogger(CallerServerInterceptor.class).warn("No huduma.grpc.allowed-callers: any service "
                    + "token may call every gRPC method of {}", environment.getProperty("spring.application.name"));
        }
        return new CallerServerInterceptor(allowed);
    }

    /** Domain refusals thrown by a gRPC method answer with their status instead of UNKNOWN. */
    @Bean
    DomainExceptionGrpcHandler hudumaDomainExceptionGrpcHandler() {
        return new DomainExceptionGrpcHandler();
    }

    @Bean
    @GlobalServerInterceptor
    CorrelationServerInterceptor grpcCorrelationServerInterceptor() {
        return new CorrelationServerInterceptor();
    }
}
