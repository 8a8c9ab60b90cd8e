package io.huduma.identity.registration;

import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.huduma.identity.account.AccountEvents;
import io.huduma.identity.account.Accounts;
import io.huduma.identity.account.HashedPassword;
import io.huduma.identity.account.KeycloakProperties;
import io.huduma.identity.account.PhoneNumber;
import io.huduma.identity.profile.ManagingProfiles;
import io.huduma.identity.profile.Preferences;
import io.huduma.identity.profile.Profile;
import io.huduma.identity.profile.ProfileRepository;
import io.huduma.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens a channel knows by a phone the operator has verified (USSD): finding the account behind the
 * number, and registering one without a password. The account gets a random password nobody knows; the
 * citizen sets their own later with the web's password reset (a code to the same phone), which the welcome
 * SMS explains ({@code CitizenRegistered} with {@code without_password}).
 */
@Service
public class RegisteringCitizensByPhone {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NAME_MIN = 3;
    private static final int NAME_MAX = 80;

    private final Accounts accounts;
    private final ProfileRepository profiles;
    private final ManagingProfiles managing;
    private final AccountEvents events;
    private final KeycloakProperties keycloak;

    RegisteringCitizensByPhone(Accounts accounts, ProfileRepository profiles, ManagingProfiles managing, AccountEvents events,
                               KeycloakProperties keycloak) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.managing = managing;
        this.events = events;
        this.keycloak = keycloak;
    }

    /** A citizen as a phone channel sees them. */
    public record PhoneCitizen(String subject, String displayName, String language, boolean created) {
    }

    /** The account whose user name (the verified phone) is this number. */
    @Transactional
    public Optional<PhoneCitizen> find(String phone) {
        PhoneNumber number = PhoneNumber.parseMobile(phone, "phone");
        return accounts.subjectByPhone(number.e164()).map(subject -> {
            Profile profile = managing.current(subject);
            return new PhoneCitizen(subject, profile.displayName(), profile.language(), false);
        });
    }

    /** Registers the number's holder, or answers the account the number already has. */
    @Transactional
    public PhoneCitizen register(String phone, String fullName, String language) {
        PhoneNumber number = PhoneNumber.parseMobile(phone, "phone");
        String name = fullName == null ? "" : fullName.strip().replaceAll("\\s+", " ");
        if (name.length() < NAME_MIN || name.length() > NAME_MAX || !name.matches("[\\p{L} .'-]+")) {
            throw DomainException.invalid("full_name", "a full name of " + NAME_MIN + " to " + NAME_MAX + " letters is required");
        }
        String lang = "en".equals(language) ? "en" : "sw";
        Optional<PhoneCitizen> existing = find(number.e164());
        if (existing.isPresent()) {
            return existing.get();
        }
        // one sign-up id per number, so a retried creation finds its own account
        String signUp = UUID.nameUUIDFromBytes(("ussd:" + number.e164()).getBytes(StandardCharsets.UTF_8)).toString();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String subject = accounts.createCitizen(new Accounts.NewCitizen(signUp, number.e164(), name, null, lang,
                HashedPassword.of(Base64.getEncoder().encodeToString(secret), keycloak.passwordIterations())));
        Profile profile = new Profile(subject, name, number.e164(), null, lang, Preferences.ALL, 0);
        profiles.insert(profile);
        events.citizenRegisteredWithoutPassword(profile.contact());
        return new PhoneCitizen(subject, name, lang, true);
    }
}
