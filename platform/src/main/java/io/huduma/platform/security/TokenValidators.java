package io.huduma.platform.security;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** The checks every token passes after its signature: expiry with skew, issuer, audience, token kind. */
final class TokenValidators {

    private TokenValidators() {
    }

    static OAuth2TokenValidator<Jwt> of(String issuer, HudumaSecurityProperties properties) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(properties.audience()),
                TokenValidators::accessTokenOnly));
    }

    /** Keycloak marks its token kinds in {@code typ}: an ID token must not pass for an access token. */
    static OAuth2TokenValidatorResult accessTokenOnly(Jwt jwt) {
        Object kind = jwt.getClaim("typ");
        if (kind == null || "Bearer".equalsIgnoreCase(String.valueOf(kind))) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token is not an access token", null));
    }
}
