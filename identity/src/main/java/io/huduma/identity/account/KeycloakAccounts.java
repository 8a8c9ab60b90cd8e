package io.huduma.identity.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.huduma.platform.domain.DomainException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

/** {@link Accounts} on Keycloak's admin API, realm {@code huduma}. */
@Component
class KeycloakAccounts implements Accounts {

    static final String PHONE = "phone";
    static final String LANGUAGE = "language";
    static final String AGENCY = "agency";
    /** Which sign-up made an account, so a retried verification finds it instead of failing. */
    static final String SIGN_UP = "signUp";

    private final KeycloakRealm keycloak;

    KeycloakAccounts(KeycloakRealm keycloak) {
        this.keycloak = keycloak;
    }

    private RealmResource realm() {
        return keycloak.realm();
    }

    @Override
    public Optional<String> subjectByPhone(String e164) {
        return KeycloakRealm.call(() -> byUsername(e164).map(UserRepresentation::getId));
    }

    private Optional<UserRepresentation> byUsername(String username) {
        return realm().users().searchByUsername(username, true).stream()
                .filter(user -> username.equalsIgnoreCase(user.getUsername())).findFirst();
    }

    @Override
    public String createCitizen(NewCitizen citizen) {
        return KeycloakRealm.call(() -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(citizen.phone());
            user.setEnabled(true);
            PersonName names = PersonName.split(citizen.fullName());
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
                            .filter(existing -> citizen.signUp().equals(KeycloakRealm.first(existing.getAttributes(), SIGN_UP)))
                            .map(UserRepresentation::getId)
                            .orElseThrow(() -> DomainException.conflict("An account already exists for this phone number"));
                } else {
                    id = CreatedResponseUtil.getCreatedId(response);
                }
            }
            keycloak.grantRealmRole(id, Roles.CITIZEN);
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

    @Override
    public Optional<Account> find(String subject) {
        return KeycloakRealm.call(() -> {
            try {
                return Optional.of(toAccount(realm().users().get(subject).toRepresentation()));
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        });
    }

    static Account toAccount(UserRepresentation user) {
        Map<String, List<String>> attributes = user.getAttributes();
        String name = PersonName.join(user.getFirstName(), user.getLastName());
        return new Account(user.getId(), user.getUsername(), name.isBlank() ? user.getUsername() : name,
                user.getEmail(), KeycloakRealm.first(attributes, PHONE), KeycloakRealm.first(attributes, LANGUAGE),
                KeycloakRealm.first(attributes, AGENCY),
                Boolean.TRUE.equals(user.isEnabled()));
    }

    @Override
    public void updateContact(String subject, String displayName, String email, String phone, String language) {
        KeycloakRealm.call(() -> {
            UserResource resource = realm().users().get(subject);
            UserRepresentation user = resource.toRepresentation();
            PersonName names = PersonName.split(displayName);
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
        KeycloakRealm.call(() -> {
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
}
