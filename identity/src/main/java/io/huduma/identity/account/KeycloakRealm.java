package io.huduma.identity.account;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.huduma.platform.domain.DomainException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServerErrorException;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Identity's handle on the {@code huduma} realm's admin API, shared by the features that manage accounts. */
@Component
public class KeycloakRealm {

    private static final Logger log = LoggerFactory.getLogger(KeycloakRealm.class);

    private final Keycloak keycloak;
    private final KeycloakProperties properties;

    KeycloakRealm(Keycloak keycloak, KeycloakProperties properties) {
        this.keycloak = keycloak;
        this.properties = properties;
    }

    public RealmResource realm() {
        return keycloak.realm(properties.realm());
    }

    /**
     * Grants a realm role. The role is picked from the user's available roles: reading the realm's
     * roles directly would need {@code view-realm}, which identity does not hold.
     */
    public void grantRealmRole(String subject, String roleName) {
        UserResource user = realm().users().get(subject);
        if (user.roles().realmLevel().listEffective().stream().anyMatch(r -> roleName.equals(r.getName()))) {
            return;
        }
        RoleRepresentation role = user.roles().realmLevel().listAvailable().stream()
                .filter(r -> roleName.equals(r.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("realm role " + roleName + " cannot be granted by identity"));
        user.roles().realmLevel().add(List.of(role));
    }

    /** The first value of a user attribute, or null. */
    public static String first(Map<String, List<String>> attributes, String name) {
        if (attributes == null) {
            return null;
        }
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Runs an admin call; Keycloak unreachable or failing becomes a 503 the caller may retry, never a 500. */
    public static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProcessingException unreachable) {
            log.warn("Keycloak admin API unreachable: {}", unreachable.getMessage());
            throw DomainException.unavailable("Accounts cannot be reached just now; please try again");
        } catch (ServerErrorException failing) {
            log.warn("Keycloak admin API failed: {}", failing.getResponse().getStatus());
            throw DomainException.unavailable("Accounts cannot be reached just now; please try again");
        }
    }
}
