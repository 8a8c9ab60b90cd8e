package io.huduma.identity.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.huduma.platform.domain.DomainException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@link Accounts} on Keycloak's admin API, realm {@code huduma}. */
@Component
class KeycloakAccounts implements Accounts {

    static final String CITIZEN = "citizen";
    static final String PHONE = "phone";
    static final String LANGUAGE = "language";
    static final String AGENCY = "agency";
    /** Which sign-up made an account, so a retried verification finds it instead of failing. */
    static final String SIGN_UP = "signUp";

    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);

    private final Keycloak keycloak;
    private final KeycloakProperties properties;

    KeycloakAccounts(Keycloak keycloak, KeycloakProperties properties) {
        this.keycloak = keycloak;
        this.properties = properties;
    }

    RealmResource realm() {
        return keycloak.realm(properties.realm());
    }

    @Override
    public Optional<String> subjectByPhone(String e164) {
        return call(() -> byUsername(e164).map(UserRepresentation::getId));
    }

    private Optional<UserRepresentation> byUsername(String username) {
        return realm().users().searchByUsername(username, true).stream()
                .filter(user -> username.equalsIgnoreCase(user.getUsername())).findFirst();
    }

    @Override
    public String createCitizen(NewCitizen citizen) {
        return call(() -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(citizen.phone());
            user.setEnabled(true);
            Names names = Names.split(citizen.fullName());
            user.setFirstName(names.first());
            user.setLastName(names.last());
            if (citizen.email() != null) {
                user.setEmail(citizen.email());
                // the address is not verified yet: it cannot be used for email recovery until it is
                user.setEmailVerified(false);
            }
            user.setAttributes(Map.of(PHONE, List.of(citizen.phone()), LANGUAGE, List.of(citizen.language()),
                    SIGN_UP, List.of(citizen.signUp())));
            user.setCredentials(List.of(credential(citizen.password())));
            String id;
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    id = byUsername(citizen.phone())
                            .filter(existing -> citizen.signUp().equals(first(existing.getAttributes(), SIGN_UP)))
                            .map(UserRepresentation::getId)
                            .orElseThrow(() -> DomainException.conflict("An account already exists for this phone number"));
                } else {
                    id = CreatedResponseUtil.getCreatedId(response);
                }
            }
            grantRealmRole(id, CITIZEN);
            return id;
        });
    }

    private static CredentialRepresentation credential(HashedPassword password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setTemporary(false);
        credential.setCredentialData("{\"hashIterations\":" + password.iterations() + ",\"algorithm\":\""
                + password.algorithm() + "\",\"additionalParameters\":{}}");
        credential.setSecretData("{\"value\":\"" + password.value() + "\",\"salt\":\"" + password.salt()
                + "\",\"additionalParameters\":{}}");
        return credential;
    }

    /**
     * Grants a realm role. The role is picked from the user's available roles: reading the realm's
     * roles directly would need {@code view-realm}, which identity does not hold.
     */
    void grantRealmRole(String subject, String roleName) {
        UserResource user = realm().users().get(subject);
        if (user.roles().realmLevel().listEffective().stream().anyMatch(r -> roleName.equals(r.getName()))) {
            return;
        }
        RoleRepresentation role = user.roles().realmLevel().listAvailable().stream()
                .filter(r -> roleName.equals(r.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("realm role " + roleName + " cannot be granted by identity"));
        user.roles().realmLevel().add(List.of(role));
    }

    @Override
    public Optional<Account> find(String subject) {
        return call(() -> {
            try {
                return Optional.of(toAccount(realm().users().get(subject).toRepresentation()));
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        });
    }

    static Account toAccount(UserRepresentation user) {
        Map<String, List<String>> attributes = user.getAttributes();
        String name = Names.join(user.getFirstName(), user.getLastName());
        return new Account(user.getId(), user.getUsername(), name.isBlank() ? user.getUsername() : name,
                user.getEmail(), first(attributes, PHONE), first(attributes, LANGUAGE), first(attributes, AGENCY),
                Boolean.TRUE.equals(user.isEnabled()));
    }

    @Override
    public void updateContact(String subject, String displayName, String email, String phone, String language) {
        call(() -> {
            UserResource resource = realm().users().get(subject);
            UserRepresentation user = resource.toRepresentation();
            Names names = Names.split(displayName);
            user.setFirstName(names.first());
            user.setLastName(names.last());
            if (email != null && !email.equalsIgnoreCase(user.getEmail())) {
                user.setEmail(email);
                user.setEmailVerified(false);
            }
            Map<String, List<String>> attributes = user.getAttributes() == null ? new java.util.HashMap<>()
                    : new java.util.HashMap<>(user.getAttributes());
            if (phone != null) {
                attributes.put(PHONE, List.of(phone));
                if (CITIZEN_USERNAME.test(user.getUsername())) {
                    // a citizen signs in with the phone number
                    user.setUsername(phone);
                }
            }
            attributes.put(LANGUAGE, List.of(language));
            user.setAttributes(attributes);
            try {
                resource.update(user);
            } catch (ClientErrorException e) {
                if (e.getResponse().getStatus() == 409) {
                    throw DomainException.conflict("Another account already uses this phone number or email");
                }
                throw e;
            }
            return null;
        });
    }

    private static final java.util.function.Predicate<String> CITIZEN_USERNAME = name -> name != null && name.startsWith("+");

    @Override
    public void resetPassword(String subject, String newPassword) {
        call(() -> {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setTemporary(false);
            credential.setValue(newPassword);
            try {
                realm().users().get(subject).resetPassword(credential);
            } catch (BadRequestException refused) {
                throw DomainException.invalid("/newPassword", policyMessage(refused));
            }
            return null;
        });
    }

    private static String policyMessage(BadRequestException refused) {
        try {
            String body = refused.getResponse().readEntity(String.class);
            if (body != null && body.contains("error_description")) {
                return "is refused by the password policy: " + body.replaceAll(".*\"error_description\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            }
        } catch (RuntimeException unreadable) {
            // fall through to the generic message
        }
        return "is refused by the password policy (at least 10 characters, not the user name)";
    }

    static String first(Map<String, List<String>> attributes, String name) {
        if (attributes == null) {
            return null;
        }
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Keycloak unreachable or failing: a 503 the caller may retry, never a 500. */
    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (ProcessingException unreachable) {
            log.warn("Keycloak admin API unreachable: {}", unreachable.getMessage());
            throw DomainException.unavailable("Accounts cannot be reached just now; please try again");
        } catch (jakarta.ws.rs.ServerErrorException failing) {
            log.warn("Keycloak admin API failed: {}", failing.getResponse().getStatus());
            throw DomainException.unavailable("Accounts cannot be reached just now; please try again");
        }
    }

    /** First and last name as Keycloak keeps them, from one full name. */
    record Names(String first, String last) {

        static Names split(String fullName) {
            String name = fullName == null ? "" : fullName.strip().replaceAll("\\s+", " ");
            int space = name.lastIndexOf(' ');
            return space < 0 ? new Names(name, null) : new Names(name.substring(0, space), name.substring(space + 1));
        }

        static String join(String first, String last) {
            List<String> parts = new ArrayList<>();
            if (first != null && !first.isBlank()) {
                parts.add(first.strip());
            }
            if (last != null && !last.isBlank()) {
                parts.add(last.strip());
            }
            return String.join(" ", parts);
        }
    }
}
