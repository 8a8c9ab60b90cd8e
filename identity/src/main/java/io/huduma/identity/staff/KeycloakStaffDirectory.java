package io.huduma.identity.staff;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.huduma.identity.account.KeycloakRealm;
import io.huduma.identity.account.PersonName;
import io.huduma.identity.account.Roles;
import io.huduma.platform.domain.DomainException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.stereotype.Component;

/** {@link StaffDirectory} on Keycloak: the {@code agency} user attribute becomes the token's {@code agency} claim. */
@Component
class KeycloakStaffDirectory implements StaffDirectory {

    static final String AGENCY = "agency";
    /** Set on accounts disabled because their agency was suspended, so reinstatement re-enables only those. */
    static final String SUSPENDED_WITH_AGENCY = "suspendedWithAgency";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#%+=!";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakRealm keycloak;

    KeycloakStaffDirectory(KeycloakRealm keycloak) {
        this.keycloak = keycloak;
    }

    /** Name of the Keycloak group of an agency's staff. */
    static String groupName(String agency) {
        return "agency-" + agency;
    }

    /**
     * The agency's staff group (created on first use), carrying the {@code agency} attribute: operators
     * find, disable or audit an agency's staff in Keycloak by its group; the claim comes from the
     * member's own {@code agency} attribute, which identity sets with the membership.
     */
    private String agencyGroup(String agency) {
        String name = groupName(agency);
        var existing = keycloak.realm().groups().groups(name, true, 0, 1, true);
        if (!existing.isEmpty()) {
            return existing.get(0).getId();
        }
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        group.setAttributes(Map.of(AGENCY, List.of(agency)));
        try (Response response = keycloak.realm().groups().add(group)) {
            if (response.getStatus() == 409) {
                return keycloak.realm().groups().groups(name, true, 0, 1, true).get(0).getId();
            }
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    @Override
    public Created create(String agency, String email, String fullName, String role) {
        return KeycloakRealm.call(() -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email.toLowerCase(java.util.Locale.ROOT));
            user.setEmail(email);
            user.setEmailVerified(false);
            user.setEnabled(true);
            PersonName name = PersonName.split(fullName);
            user.setFirstName(name.first());
            user.setLastName(name.last());
            user.setAttributes(Map.of(AGENCY, List.of(agency)));
            List<String> actions = new ArrayList<>(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
            if (Roles.AGENCY_ADMIN.equals(role)) {
                // administrators sign in with a second factor: they must set up an authenticator app first
                actions.add("CONFIGURE_TOTP");
            }
            user.setRequiredActions(actions);
            String password = temporaryPassword();
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setTemporary(true);
            credential.setValue(password);
            user.setCredentials(List.of(credential));
            String id;
            try (Response response = keycloak.realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    throw DomainException.conflict("An account already exists for this email address");
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            keycloak.grantRealmRole(id, role);
            keycloak.realm().users().get(id).joinGroup(agencyGroup(agency));
            return new Created(new StaffMember(id, user.getUsername(), email, PersonName.join(name.first(), name.last()),
                    List.of(role), agency, true), password);
        });
    }

    @Override
    public List<StaffMember> list(String agency) {
        return KeycloakRealm.call(() -> keycloak.realm().users()
                .searchByAttributes(0, 500, null, false, AGENCY + ":" + agency).stream()
                .filter(user -> agency.equals(KeycloakRealm.first(user.getAttributes(), AGENCY)))
                .map(this::member)
                .filter(member -> !member.roles().isEmpty())
                .toList());
    }

    @Override
    public Optional<StaffMember> find(String agency, String subject) {
        return KeycloakRealm.call(() -> {
            try {
                UserRepresentation user = keycloak.realm().users().get(subject).toRepresentation();
                if (!agency.equals(KeycloakRealm.first(user.getAttributes(), AGENCY))) {
                    return Optional.<StaffMember>empty();
                }
                return Optional.of(member(user));
            } catch (NotFoundException gone) {
                return Optional.<StaffMember>empty();
            }
        });
    }

    @Override
    public void setEnabled(String subject, boolean enabled, boolean bySuspension) {
        KeycloakRealm.call(() -> {
            UserResource resource = keycloak.realm().users().get(subject);
            UserRepresentation user = resource.toRepresentation();
            user.setEnabled(enabled);
            Map<String, List<String>> attributes = user.getAttributes() == null ? new HashMap<>()
                    : new HashMap<>(user.getAttributes());
            if (bySuspension && !enabled) {
                attributes.put(SUSPENDED_WITH_AGENCY, List.of("true"));
            } else {
                attributes.remove(SUSPENDED_WITH_AGENCY);
            }
            user.setAttributes(attributes);
            resource.update(user);
            if (!enabled) {
                resource.logout();
            }
            return null;
        });
    }

    @Override
    public List<StaffMember> disabledBySuspension(String agency) {
        return list(agency).stream().filter(member -> !member.enabled())
                .filter(member -> KeycloakRealm.call(() -> "true".equals(KeycloakRealm.first(
                        keycloak.realm().users().get(member.subject()).toRepresentation().getAttributes(),
                        SUSPENDED_WITH_AGENCY))))
                .toList();
    }

    private StaffMember member(UserRepresentation user) {
        List<String> roles = keycloak.realm().users().get(user.getId()).roles().realmLevel().listEffective().stream()
                .map(role -> role.getName()).filter(Roles.STAFF::contains).sorted().toList();
        return new StaffMember(user.getId(), user.getUsername(), user.getEmail(),
                PersonName.join(user.getFirstName(), user.getLastName()), roles,
                KeycloakRealm.first(user.getAttributes(), AGENCY), Boolean.TRUE.equals(user.isEnabled()));
    }

    private static String temporaryPassword() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
