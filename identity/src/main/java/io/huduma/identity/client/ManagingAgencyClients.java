package io.huduma.identity.client;

import java.util.List;
import java.util.Locale;

import io.huduma.identity.account.Roles;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * An agency's administrators giving their agency's own systems client-credentials clients: tokens
 * carry the agency and only the scopes granted; the secret is shown once, can be rotated, and the
 * client revoked. Only administrators of that agency (from the token) may do so.
 */
@Service
class ManagingAgencyClients {

    private final AgencyClients clients;

    ManagingAgencyClients(AgencyClients clients) {
        this.clients = clients;
    }

    /** Client ids of an agency start with this, so one agency's name can never shadow another's. */
    static String prefix(String agency) {
        return "agency-" + agency + "-";
    }

    AgencyClients.WithSecret create(Caller caller, String agency, String name, List<String> scopes) {
        requireAdminOf(caller, agency);
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            throw DomainException.invalid("/name", "needs letters or digits");
        }
        List<String> granted = scopes == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(scopes));
        for (int i = 0; i < granted.size(); i++) {
            if (!granted.get(i).startsWith(scopePrefix(agency))) {
                throw DomainException.invalid("/scopes/" + i, "an agency grants only its own scopes, named "
                        + scopePrefix(agency) + "<something>");
            }
        }
        return clients.create(agency, prefix(agency) + slug, name, granted);
    }

    /**
     * Scopes an agency may grant its clients start with this ({@code brela.search}): the agency's own
     * namespace, required by its agency APIs' {@code CLIENT_SCOPES} policy. The platform's scopes
     * ({@code huduma-api}, {@code roles}...) can never be granted this way.
     */
    static String scopePrefix(String agency) {
        return agency + ".";
    }

    List<AgencyClients.AgencyClient> list(Caller caller, String agency) {
        requireAdminOf(caller, agency);
        return clients.list(agency);
    }

    String rotate(Caller caller, String agency, String clientId) {
        requireAdminOf(caller, agency);
        return clients.rotateSecret(own(agency, clientId).clientId());
    }

    void revoke(Caller caller, String agency, String clientId) {
        requireAdminOf(caller, agency);
        clients.delete(own(agency, clientId).clientId());
    }

    private AgencyClients.AgencyClient own(String agency, String clientId) {
        if (!clientId.startsWith(prefix(agency))) {
            throw DomainException.notFound("Agency '" + agency + "' has no client '" + clientId + "'");
        }
        return clients.find(agency, clientId)
                .orElseThrow(() -> DomainException.notFound("Agency '" + agency + "' has no client '" + clientId + "'"));
    }

    private static void requireAdminOf(Caller caller, String agency) {
        if (!caller.hasRole(Roles.AGENCY_ADMIN) || !caller.belongsTo(agency)) {
            throw DomainException.notAllowed("Only administrators of agency '" + agency + "' may manage its system clients");
        }
    }
}
