package io.huduma.identity.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.huduma.identity.account.AccountEvents;
import io.huduma.identity.account.CommonPasswords;
import io.huduma.identity.account.Accounts;
import io.huduma.identity.account.HashedPassword;
import io.huduma.identity.account.KeycloakProperties;
import io.huduma.identity.account.PhoneNumber;
import io.huduma.identity.code.CodeProperties;
import io.huduma.identity.code.CodeStatus;
import io.huduma.identity.code.OneTimeCodes;
import io.huduma.identity.code.PendingCode;
import io.huduma.identity.code.Purpose;
import io.huduma.identity.code.SendingCodes;
import io.huduma.identity.code.SendingCodes.CodeRequest;
import io.huduma.identity.profile.Preferences;
import io.huduma.identity.profile.Profile;
import io.huduma.identity.profile.ProfileRepository;
import io.huduma.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens signing up with their phone: a code goes to the number, and only the right code creates
 * the account (never an account without a verified phone), announced by {@code CitizenRegistered}.
 */
@Service
class RegisteringCitizens {

    private final RegistrationRepository registrations;
    private final SendingCodes sending;
    private final OneTimeCodes codes;
    private final Accounts accounts;
    private final ProfileRepository profiles;
    private final AccountEvents events;
    private final CodeProperties rules;
    private final KeycloakProperties keycloak;
    private final Clock clock;

    RegisteringCitizens(RegistrationRepository registrations, SendingCodes sending, OneTimeCodes codes, Accounts accounts,
                        ProfileRepository profiles, AccountEvents events, CodeProperties rules, KeycloakProperties keycloak,
                        Clock clock) {
        this.registrations = registrations;
        this.sending = sending;
        this.codes = codes;
        this.accounts = accounts;
        this.profiles = profiles;
        this.events = events;
        this.rules = rules;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    /** What a person gives to sign up. */
    record SignUp(String phoneNumber, String fullName, String password, String language, String email) {

        @Override
        public String toString() {
            return "SignUp[phoneNumber=" + phoneNumber + "]";
        }
    }

    /** Starts a sign-up: refuses a number that has an account, sends a code, keeps the rest until it comes back. */
    @Transactional
    Registration start(SignUp signUp, String clientAddress) {
        PhoneNumber phone = PhoneNumber.parseMobile(signUp.phoneNumber(), "/phoneNumber");
        // the realm's policy cannot see this password (it reaches Keycloak already hashed): the same rules here
        if (signUp.password().replaceAll("\\D", "").endsWith(phone.e164().substring(4))) {
            throw DomainException.invalid("/password", "must not contain your phone number");
        }
        if (signUp.email() != null && signUp.password().equalsIgnoreCase(signUp.email().strip())) {
            throw DomainException.invalid("/password", "must not be your email address");
        }
        CommonPasswords.refuse(signUp.password(), "/password");
        if (accounts.subjectByPhone(phone.e164()).isPresent()) {
            throw DomainException.conflict("An account already exists for this phone number; sign in or recover the password");
        }
        String language = signUp.language() == null ? "sw" : signUp.language();
        HashedPassword password = HashedPassword.of(signUp.password(), keycloak.passwordIterations());
        PendingCode code = sending.send(CodeRequest.first(phone.e164(), Purpose.SIGN_UP, language, clientAddress));
        Registration registration = new Registration(UUID.randomUUID(), phone.e164(), signUp.fullName().strip(),
                blankToNull(signUp.email()), language, password.encoded(), code, null,
                clock.instant().plus(rules.pendingLifetime()));
        registrations.insert(registration);
        return registration;
    }

    /** Sends a new code for a sign-up still waiting (throttled like any code to the number). */
    @Transactional
    Registration resend(UUID id, String clientAddress) {
        Registration registration = live(id);
        if (registration.code().status() != CodeStatus.PENDING) {
            throw DomainException.conflict(registration.code().status() == CodeStatus.LOCKED
                    ? "Too many wrong codes: this sign-up is locked. Start again."
                    : "This sign-up is already verified");
        }
        PendingCode fresh = sending.send(CodeRequest.again(registration.phone(), Purpose.SIGN_UP, registration.language(),
                clientAddress));
        // wrong attempts carry over: a new code does not buy new guesses
        PendingCode code = new PendingCode(fresh.hash(), fresh.expiresAt(), registration.code().failedAttempts(),
                CodeStatus.PENDING);
        registrations.updateCode(id, code);
        return registration.with(code);
    }

    /**
     * Checks the code; the right one creates the account. A wrong code is counted even though the
     * call fails (the transaction commits on refusals); a retry after success answers the same.
     */
    @Transactional(noRollbackFor = DomainException.class)
    Registration verify(UUID id, String code) {
        Registration registration = live(id);
        if (registration.code().status() == CodeStatus.VERIFIED) {
            if (codes.matches(code, registration.code().hash())) {
                return registration;
            }
            throw DomainException.conflict("This sign-up is already verified");
        }
        PendingCode.Check check = registration.code().check(codes, code, clock.instant(), rules.maxFailedAttempts());
        if (!check.accepted()) {
            if (!check.after().equals(registration.code())) {
                registrations.updateCode(id, check.after());
            }
            throw check.refusal();
        }
        String subject = accounts.createCitizen(new Accounts.NewCitizen(id.toString(), registration.phone(),
                registration.fullName(), registration.email(), registration.language(),
                HashedPassword.decode(registration.passwordHash())));
        registrations.markVerified(id, subject);
        Profile profile = new Profile(subject, registration.fullName(), registration.phone(), registration.email(),
                registration.language(), Preferences.ALL, 0);
        profiles.insert(profile);
        events.citizenRegistered(profile.contact());
        return new Registration(id, registration.phone(), registration.fullName(), registration.email(),
                registration.language(), null, check.after(), subject, registration.expiresAt());
    }

    /** Deletes sign-ups past their lifetime, finished or not. */
    @Transactional
    int purgeExpired() {
        return registrations.purgeExpired(clock.instant());
    }

    private Registration live(UUID id) {
        Instant now = clock.instant();
        return registrations.lockLive(id, now)
                .orElseThrow(() -> DomainException.notFound("No sign-up in progress has this id (it may have expired)"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
