package io.huduma.identity.client;

import java.util.List;
import java.util.Optional;

/** Client-credentials clients of agencies' own systems at the identity provider. */
interface AgencyClients {

    /** A client: its id, agency, the scopes granted and whether it may get tokens. */
    record AgencyClient(String clientId, String agency, String name, List<String> scopes, boolean enabled) {
    }

    /** A client with its secret, shown once. */
    record WithSecret(AgencyClient client, String secret) {
    }

    /** @throws io.huduma.platform.domain.DomainException conflict when the client id is taken */
    WithSecret create(String agency, String clientId, String name, List<String> scopes);

    List<AgencyClient> list(String agency);

    Optional<AgencyClient> find(String agency, String clientId);

    /** A new secret; the old one stops working at once. */
    String rotateSecret(String clientId);

    void delete(String clientId);
}
