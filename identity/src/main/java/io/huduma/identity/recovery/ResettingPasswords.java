package io.huduma.identity.recovery;

import java.time.Clock;
import java.util.Optional;
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

/**
 * Citizens recovering their password with a code sent to their phone (many have no email). The
 * answer is the same whether or not the number has an account: for an unknown number a reset is
 * recorded and counted like any other, but no code is sent, so no code can ever match it.
 */
@Service
class ResettingPasswords {

    private final PasswordResetRepository resets;
    private final SendingCodes sending;
    private final OneTimeCodes codes;
    private final Accounts accounts;
    private final CodeProperties rules;
    private final Clock clock;

    ResettingPasswords(PasswordResetRepository resets, SendingCodes sending, OneTimeCodes codes, Accounts accounts,
                       CodeProperties rules, Clock clock) {
        this.resets = resets;
        this.sending = sending;
        this.codes = codes;
        this.accounts = accounts;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    PasswordResetRepository.PasswordReset start(String typedPhone, String clientAddress) {
        PhoneNumber phone = PhoneNumber.parseMobile(typedPhone, "/phoneNumber");
        Optional<Accounts.Account> account = accounts.subjectByPhone(phone.e164()).flatMap(accounts::find);
        String language = account.map(Accounts.Account::language).orElse("sw");
        CodeRequest request = CodeRequest.first(phone.e164(), Purpose.PASSWORD_RESET, language == null ? "sw" : language,
                clientAddress);
        PendingCode code = sending.send(account.isPresent() ? request : request.silently());
        PasswordResetRepository.PasswordReset reset = new PasswordResetRepository.PasswordReset(UUID.randomUUID(),
                phone.e164(), account.map(Accounts.Account::subject).orElse(null), code,
                clock.instant().plus(rules.pendingLifetime()));
        resets.insert(reset);
        return reset;
    }

    /** Checks the code and sets the new password; the realm's password policy may still refuse it (the code then stays usable). */
    @Transactional(noRollbackFor = DomainException.class)
    void verify(UUID id, String code, String newPassword) {
        PasswordResetRepository.PasswordReset reset = resets.lockLive(id, clock.instant())
                .orElseThrow(() -> DomainException.notFound("No password reset in progress has this id (it may have expired)"));
        if (reset.code().status() == CodeStatus.VERIFIED) {
            throw DomainException.conflict("This password reset is already done");
        }
        PendingCode.Check check = reset.code().check(codes, code, clock.instant(), rules.maxFailedAttempts());
        if (!check.accepted() || reset.subject() == null) {
            PendingCode after = check.accepted() ? reset.code() : check.after();
            if (!after.equals(reset.code())) {
                resets.updateCode(id, after);
            }
            throw check.refusal() != null ? check.refusal() : DomainException.invalid("/code", "is wrong");
        }
        accounts.resetPassword(reset.subject(), newPassword);
        resets.updateCode(id, check.after());
    }

    @Transactional
    int purgeExpired() {
        return resets.purgeExpired(clock.instant());
    }
}
