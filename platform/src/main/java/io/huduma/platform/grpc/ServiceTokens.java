package io.huduma.platform.grpc;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The service's own client-credentials access token, from Spring Security's OAuth2 client:
 * fetched from Keycloak on first use and cached until shortly before it expires.
 */
final class ServiceTokens {

    static final String REGISTRATION_ID = "huduma-service";

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final String clientId;

    ServiceTokens(ServiceAuthProperties properties) {
        this.clientId = properties.clientId();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(properties.tokenUri())
                .build();
        // kept out of the context on purpose: a ClientRegistrationRepository bean would switch on
        // Boot's OAuth2 login/client web security in the service
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(tokenClient(properties));
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations));
        this.manager.setAuthorizedClientProvider(provider);
    }

    /** A valid access token; fetched or renewed when the cached one is missing or expires within a minute. */
    String accessToken() {
        OAuth2AuthorizedClient client = manager.authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID).principal(clientId).build());
        if (client == null) {
            throw new IllegalStateException("Keycloak issued no token to " + clientId);
        }
        return client.getAccessToken().getTokenValue();
    }

    String clientId() {
        return clientId;
    }

    /** Spring Security's default token client, with timeouts so a hung Keycloak cannot hang callers. */
    private static RestClientClientCredentialsTokenResponseClient tokenClient(ServiceAuthProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        RestClient rest = RestClient.builder()
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
        RestClientClientCredentialsTokenResponseClient client = new RestClientClientCredentialsTokenResponseClient();
        client.setRestClient(rest);
        return client;
    }
}
