package io.huduma.identity.recovery;

import java.time.Instant;
import java.util.UUID;

import io.huduma.platform.domain.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/identity/password-resets")
@Tag(name = "Password recovery", description = "Citizens set a new password with a code sent to their phone")
class PasswordResetController {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetController.class);

    private final ResettingPasswords resetting;

    PasswordResetController(ResettingPasswords resetting) {
        this.resetting = resetting;
    }

    record ResetForm(@NotBlank @Size(max = 32) String phoneNumber) {
    }

    record Started(UUID id, Instant expiresAt) {
    }

    record VerificationForm(@NotBlank @Size(max = 12) String code, @NotBlank @Size(min = 10, max = 128) String newPassword) {

        @Override
        public String toString() {
            return "VerificationForm[******]";
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Starts a password recovery (anyone): 202 whether or not the number has an account; a code goes to it if it has")
    Started start(@Valid @RequestBody ResetForm form, HttpServletRequest request) {
        try {
            PasswordResetRepository.PasswordReset reset = resetting.start(form.phoneNumber(), request.getRemoteAddr());
            return new Started(reset.id(), reset.code().expiresAt());
        } catch (DomainException refusal) {
            if (refusal.kind() != DomainException.Kind.UNAVAILABLE) {
                throw refusal;
            }
            // a 503 only for numbers with an account would tell who has one: answer alike, keep nothing
            log.warn("Password reset code could not be sent; answered 202 without keeping the reset");
            return new Started(UUID.randomUUID(), Instant.now().plusSeconds(300));
        }
    }

    @PostMapping("/{id}/verification")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sets the new password with the code received (anyone holding the reset id)")
    void verify(@PathVariable UUID id, @Valid @RequestBody VerificationForm form) {
        resetting.verify(id, form.code(), form.newPassword());
    }
}
