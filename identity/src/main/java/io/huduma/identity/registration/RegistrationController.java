package io.huduma.identity.registration;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/identity/registrations")
@Tag(name = "Sign-up", description = "Citizens create an account by verifying their phone with a one-time code")
class RegistrationController {

    private final RegisteringCitizens registering;

    RegistrationController(RegisteringCitizens registering) {
        this.registering = registering;
    }

    record RegistrationForm(
            @NotBlank @Size(max = 32) String phoneNumber,
            @NotBlank @Size(max = 200) String fullName,
            @NotBlank @Size(min = 10, max = 128) String password,
            @Pattern(regexp = "sw|en") String language,
            @Email @Size(max = 254) String email) {

        @Override
        public String toString() {
            return "RegistrationForm[phoneNumber=" + phoneNumber + "]";
        }
    }

    record Started(UUID id, String phoneNumber, Instant expiresAt) {
    }

    record CodeForm(@NotBlank @Size(max = 12) String code) {

        @Override
        public String toString() {
            return "CodeForm[code=******]";
        }
    }

    record Verified(String subject, String phoneNumber) {
    }

    @PostMapping
    @Operation(summary = "Starts a sign-up (anyone): sends a 6-digit code by SMS to the number, valid 5 minutes")
    ResponseEntity<Started> start(@Valid @RequestBody RegistrationForm form, HttpServletRequest request) {
        Registration registration = registering.start(new RegisteringCitizens.SignUp(form.phoneNumber(), form.fullName(),
                form.password(), form.language(), form.email()), request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/identity/registrations/" + registration.id()))
                .body(started(registration));
    }

    @PostMapping("/{id}/code")
    @Operation(summary = "Sends a new code (anyone holding the sign-up id): at most one a minute and five an hour per number")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Started resend(@PathVariable UUID id, HttpServletRequest request) {
        return started(registering.resend(id, request.getRemoteAddr()));
    }

    @PostMapping("/{id}/verification")
    @Operation(summary = "Verifies the phone with the code and creates the account (anyone holding the sign-up id)")
    ResponseEntity<Verified> verify(@PathVariable UUID id, @Valid @RequestBody CodeForm form) {
        Registration registration = registering.verify(id, form.code());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Verified(registration.subject(), registration.phone()));
    }

    private static Started started(Registration registration) {
        return new Started(registration.id(), registration.phone(), registration.code().expiresAt());
    }
}
