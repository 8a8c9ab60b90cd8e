package io.huduma.identity.profile;

import java.time.Clock;
import java.util.UUID;

import io.huduma.identity.account.Accounts;
import io.huduma.identity.account.PhoneNumber;
import io.huduma.identity.code.CodeProperties;
import io.huduma.identity.code.CodeStatus;
import io.huduma.identity.code.OneTimeCodes;
import io.huduma.identity.code.PendingCode;
import io.huduma.identity.code.Purpose;
import io.huduma.identity.code.SendingCodes;
import io.huduma.identity.code.SendingCodes.CodeRequest;
import io.huduma.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account holders moving to a new phone number: it counts only once the code sent to it comes back. */
@Service
class ChangingPhoneNumbers {

    private final PhoneChangeRepository changes;
    private final ManagingProfiles profiles;
    private final SendingCodes sending;
    private final OneTimeCodes codes;
    private final Accounts accounts;
    private final CodeProperties rules;
    private final Clock clock;

    ChangingPhoneNumbers(PhoneChangeRepository changes, ManagingProfiles profiles, SendingCodes sending, OneTimeCodes codes,
                         Accounts accounts, CodeProperties rules, Clock clock) {
        this.changes = changes;
        this.profiles = profiles;
        this.sending = sending;
        this.codes = codes;
        this.accounts = accounts;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    PhoneChangeRepository.PhoneChange start(String subject, String typedPhone, String clientAddress) {
        PhoneNumber phone = PhoneNumber.parseMobile(typedPhone, "/phoneNumber");
        Profile profile = profiles.current(subject);
        if (phone.e164().equals(profile.phone())) {
            throw DomainException.invalid("/phoneNumber", "is already your phone number");
        }
        requireFree(subject, phone.e164());
        PendingCode code = sending.send(CodeRequest.first(phone.e164(), Purpose.PHONE_CHANGE, profile.language(), clientAddress));
        PhoneChangeRepository.PhoneChange change = new PhoneChangeRepository.PhoneChange(UUID.randomUUID(), subject,
                phone.e164(), code, clock.instant().plus(rules.pendingLifetime()));
        changes.insert(change);
        return change;
    }

    @Transactional(noRollbackFor = DomainException.class)
    Profile verify(String subject, UUID id, String code) {
        PhoneChangeRepository.PhoneChange change = changes.lockLive(id, subject, clock.instant())
                .orElseThrow(() -> DomainException.notFound("You have no phone change in progress with this id"));
        if (change.code().status() == CodeStatus.VERIFIED) {
            throw DomainException.conflict("This phone change is already done");
        }
        PendingCode.Check check = change.code().check(codes, code, clock.instant(), rules.maxFailedAttempts());
        if (!check.accepted()) {
            if (!check.after().equals(change.code())) {
                changes.updateCode(id, check.after());
            }
            throw check.refusal();
        }
        requireFree(subject, change.phone());
        changes.updateCode(id, check.after());
        Profile current = profiles.current(subject);
        return profiles.save(new Profile(subject, current.displayName(), change.phone(), current.email(),
                current.language(), current.preferences(), current.version()));
    }

    @Transactional
    int purgeExpired() {
        return changes.purgeExpired(clock.instant());
    }

    private void requireFree(String subject, String phone) {
        accounts.subjectByPhone(phone).filter(owner -> !owner.equals(subject)).ifPresent(owner -> {
            throw DomainException.conflict("This phone number belongs to another account");
        });
    }
}
