package io.huduma.platform.security;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The token decoders: keys from Keycloak (discovered from the issuer, or from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} where services reach Keycloak at
 * an inner address), cached so that tokens keep working while Keycloak is down ({@link KeycloakKeys}),
 * then {@link TokenValidators}. Resolved on first use, so a service starts
 * while Keycloak is still starting. The servlet decoder also serves gRPC.
 */
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class,
        ReactiveOAuth2ResourceServerAutoConfiguration.class})
@EnableConfigurationProperties(HudumaSecurityProperties.class)
public class HudumaJwtAutoConfiguration {

    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

    /** Keycloak's default signing algorithm, as before with the issuer-discovered decoders; never HMAC or none. */
    private static final SignatureAlgorithm KEYCLOAK_ALGORITHM = SignatureAlgorithm.RS256;

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(Environment environment, HudumaSecurityProperties properties) {
        String issuer = environment.getRequiredProperty(ISSUER_URI);
        String jwkSetUri = environment.getProperty(JWK_SET_URI);
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder
                    .withJwkSource(KeycloakKeys.source(issuer, jwkSetUri, properties.keys()))
                    .jwsAlgorithm(KEYCLOAK_ALGORITHM).build();
            decoder.setJwtValidator(TokenValidators.of(issuer, properties));
            return decoder;
        });
    }

    /** The keys matching the token's header; any failure (an Error included) as a {@code JwtException}. */
    static java.util.List<com.nimbusds.jose.jwk.JWK> selectKeys(JWKSource<SecurityContext> keys, com.nimbusds.jwt.SignedJWT jwt) {
        try {
            JWKMatcher matcher = JWKMatcher.forJWSHeader(jwt.getHeader());
            if (matcher == null) {
                throw new org.springframework.security.oauth2.jwt.JwtException("Unsupported signing algorithm "
                        + jwt.getHeader().getAlgorithm());
            }
            return keys.get(new JWKSelector(matcher), null);
        } catch (org.springframework.security.oauth2.jwt.JwtException e) {
            throw e;
        } catch (Throwable e) {
            throw new org.springframework.security.oauth2.jwt.JwtException("The signing keys could not be read: " + e, e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.reactive.function.client.WebClient")
    static class Reactive {

        @Bean
        @ConditionalOnMissingBean
        ReactiveJwtDecoder reactiveJwtDecoder(Environment environment, HudumaSecurityProperties properties) {
            String issuer = environment.getRequiredProperty(ISSUER_URI);
            String jwkSetUri = environment.getProperty(JWK_SET_URI);
            return new SupplierReactiveJwtDecoder(() -> {
                JWKSource<SecurityContext> keys = KeycloakKeys.source(issuer, jwkSetUri, properties.keys());
                // the key source may block on a fetch from Keycloak: never on an event-loop thread; whatever
                // happens there (even an Error, which Reactor would not signal), the request gets an answer
                java.time.Duration patience = properties.keys().timeout().multipliedBy(3).plusSeconds(5);
                NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Mono
                                .fromCallable(() -> selectKeys(keys, jwt))
                                .subscribeOn(Schedulers.boundedElastic())
                                .timeout(patience, Mono.error(() -> new org.springframework.security.oauth2.jwt.JwtException(
                                        "The signing keys could not be read within " + patience)))
                                .flatMapMany(Flux::fromIterable))
                        .jwsAlgorithm(KEYCLOAK_ALGORITHM).build();
                decoder.setJwtValidator(TokenValidators.of(issuer, properties));
                return decoder;
            });
        }
    }
}
