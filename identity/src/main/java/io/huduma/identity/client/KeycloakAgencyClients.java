package io.huduma.identity.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.huduma.identity.account.KeycloakRealm;
import io.huduma.platform.domain.DomainException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.springframework.stereotype.Component;

/**
 * {@link AgencyClients} as Keycloak confidential clients with only the client-credentials grant,
 * the {@code huduma-api} audience, a hard-coded {@code agency} claim and the granted scopes.
 */
@Component
class KeycloakAgencyClients implements AgencyClients {

    static final String AGENCY_ATTRIBUTE = "huduma.agency";
    private static final List<String> BASE_SCOPES = List.of("basic", "huduma-api");

    private final KeycloakRealm keycloak;

    KeycloakAgencyClients(KeycloakRealm keycloak) {
        this.keycloak = keycloak;
    }

    /**
     * Creates the client scope {@code name} (an agency's own, e.g. {@code brela.search}) if the realm
     * has none yet: a plain scope that appears in the token's {@code scope} claim and nothing else.
     */
    private void ensureScope(String name) {
        boolean exists = keycloak.realm().clientScopes().findAll().stream().anyMatch(scope -> name.equals(scope.getName()));
        if (exists) {
            return;
        }
        ClientScopeRepresentation scope = new ClientScopeRepresentation();
        scope.setName(name);
        scope.setDescription("Granted by its agency to its system clients (identity)");
        scope.setProtocol("openid-connect");
        scope.setAttributes(Map.of("include.in.token.scope", "true", "display.on.consent.screen", "false"));
        try (Response response = keycloak.realm().clientScopes().create(scope)) {
            if (response.getStatus() != 201 && response.getStatus() != 409) {
                throw new IllegalStateException("Keycloak refused client scope " + name + ": HTTP " + response.getStatus());
            }
        }
    }

    @Override
    public WithSecret create(String agency, String clientId, String name, List<String> scopes) {
        return KeycloakRealm.call(() -> {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(clientId);
            client.setName(name);
            client.setDescription("System client of agency " + agency + " (client credentials), managed by identity");
            client.setEnabled(true);
            client.setProtocol("openid-connect");
            client.setPublicClient(false);
            client.setClientAuthenticatorType("client-secret");
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setImplicitFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            client.setFrontchannelLogout(false);
            client.setFullScopeAllowed(false);
            client.setAttributes(Map.of(AGENCY_ATTRIBUTE, agency, "use.refresh.tokens", "false",
                    "client_credentials.use_refresh_token", "false", "oauth2.device.authorization.grant.enabled", "false"));
            List<String> defaultScopes = new ArrayList<>(BASE_SCOPES);
            scopes.forEach(this::ensureScope);
            defaultScopes.addAll(scopes);
            client.setDefaultClientScopes(defaultScopes);
            client.setOptionalClientScopes(List.of());
            ProtocolMapperRepresentation claim = new ProtocolMapperRepresentation();
            claim.setName("agency");
            claim.setProtocol("openid-connect");
            claim.setProtocolMapper("oidc-hardcoded-claim-mapper");
            claim.setConfig(Map.of("claim.name", "agency", "claim.value", agency, "jsonType.label", "String",
                    "access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true"));
            client.setProtocolMappers(List.of(claim));
            String id;
            try (Response response = keycloak.realm().clients().create(client)) {
                if (response.getStatus() == 409) {
                    throw DomainException.conflict("A client with the id '" + clientId + "' already exists");
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            String secret = keycloak.realm().clients().get(id).getSecret().getValue();
            return new WithSecret(new AgencyClient(clientId, agency, name, List.copyOf(scopes), true), secret);
        });
    }

    @Override
    public List<AgencyClient> list(String agency) {
        return KeycloakRealm.call(() -> keycloak.realm().clients().findAll(ManagingAgencyClients.prefix(agency), true, true, 0, 500)
                .stream().filter(c -> c.getAttributes() != null && agency.equals(c.getAttributes().get(AGENCY_ATTRIBUTE)))
                .map(c -> toClient(c, agency)).toList());
    }

    @Override
    public Optional<AgencyClient> find(String agency, String clientId) {
        return KeycloakRealm.call(() -> representation(clientId)
                .filter(c -> c.getAttributes() != null && agency.equals(c.getAttributes().get(AGENCY_ATTRIBUTE)))
                .map(c -> toClient(c, agency)));
    }

    @Override
    public String rotateSecret(String clientId) {
        return KeycloakRealm.call(() -> resource(clientId).generateNewSecret().getValue());
    }

    @Override
    public void delete(String clientId) {
        KeycloakRealm.call(() -> {
            resource(clientId).remove();
            return null;
        });
    }

    private Optional<ClientRepresentation> representation(String clientId) {
        return keycloak.realm().clients().findByClientId(clientId).stream().findFirst();
    }

    private ClientResource resource(String clientId) {
        return keycloak.realm().clients().get(representation(clientId).orElseThrow().getId());
    }

    private AgencyClient toClient(ClientRepresentation c, String agency) {
        List<String> scopes = keycloak.realm().clients().get(c.getId()).getDefaultClientScopes().stream()
                .map(s -> s.getName()).filter(s -> !BASE_SCOPES.contains(s)).sorted().toList();
        return new AgencyClient(c.getClientId(), agency, c.getName(), scopes, Boolean.TRUE.equals(c.isEnabled()));
    }
}
