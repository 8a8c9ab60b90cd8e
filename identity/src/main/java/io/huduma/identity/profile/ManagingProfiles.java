package io.huduma.identity.profile;

import io.huduma.identity.account.AccountEvents;
import io.huduma.identity.account.Accounts;
import io.huduma.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People reading and changing their own contact details and preferences. Staff and accounts made
 * outside sign-up get their profile from the identity provider on first read. Every change is
 * written to Keycloak too and announced by {@code ContactChanged}.
 */
@Service
public class ManagingProfiles {

    private final ProfileRepository profiles;
    private final Accounts accounts;
    private final AccountEvents events;

    ManagingProfiles(ProfileRepository profiles, Accounts accounts, AccountEvents events) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.events = events;
    }

    /** What may change; null leaves a value as it is. */
    public record Changes(String fullName, String email, String language, Boolean smsRequestUpdates,
                          Boolean smsReminders, Boolean emailRequestUpdates, Boolean emailReminders) {
    }

    /** The profile of {@code subject}, made from the account on first use. */
    @Transactional
    public Profile current(String subject) {
        return profiles.find(subject).orElseGet(() -> seed(subject));
    }

    private Profile seed(String subject) {
        Accounts.Account account = accounts.find(subject)
                .orElseThrow(() -> DomainException.notFound("No account has this subject"));
        Profile profile = new Profile(subject, account.displayName(), account.phone(), account.email(),
                account.language() == null ? "sw" : account.language(), Preferences.ALL, 0);
        profiles.insert(profile);
        return profiles.find(subject).orElseThrow();
    }

    @Transactional
    public Profile change(String subject, Changes changes) {
        current(subject);
        Profile before = profiles.lock(subject).orElseThrow();
        Preferences p = before.preferences();
        Profile after = new Profile(subject,
                changes.fullName() == null ? before.displayName() : changes.fullName().strip(),
                before.phone(),
                changes.email() == null ? before.email() : (changes.email().isBlank() ? null : changes.email().strip()),
                changes.language() == null ? before.language() : changes.language(),
                new Preferences(or(changes.smsRequestUpdates(), p.smsRequestUpdates()), or(changes.smsReminders(), p.smsReminders()),
                        or(changes.emailRequestUpdates(), p.emailRequestUpdates()), or(changes.emailReminders(), p.emailReminders())),
                before.version());
        if (after.equals(before)) {
            return before;
        }
        return save(after);
    }

    /** Stores a changed profile, writes it through to the account and announces it. */
    @Transactional
    public Profile save(Profile changed) {
        Profile saved = changed.withVersion(changed.version() + 1);
        profiles.update(saved);
        accounts.updateContact(saved.subject(), saved.displayName(), saved.email(), saved.phone(), saved.language());
        events.contactChanged(saved.contact());
        return saved;
    }

    private static boolean or(Boolean value, boolean otherwise) {
        return value == null ? otherwise : value;
    }
}
