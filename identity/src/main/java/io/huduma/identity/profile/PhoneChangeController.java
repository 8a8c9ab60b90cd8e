package io.huduma.identity.profile;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.huduma.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/identity/me/phone-changes")
@Tag(name = "Profile")
class PhoneChangeController {

    private final ChangingPhoneNumbers changing;

    PhoneChangeController(ChangingPhoneNumbers changing) {
        this.changing = changing;
    }

    record PhoneForm(@NotBlank @Size(max = 32) String phoneNumber) {
    }

    record Started(UUID id, String phoneNumber, Instant expiresAt) {
    }

    record CodeForm(@NotBlank @Size(max = 12) String code) {

        @Override
        public String toString() {
            return "CodeForm[code=******]";
        }
    }

    @PostMapping
    @Operation(summary = "Starts a change of the caller's phone number: a code goes to the new number")
    ResponseEntity<Started> start(@Valid @RequestBody PhoneForm form, Caller caller, HttpServletRequest request) {
        PhoneChangeRepository.PhoneChange change = changing.start(caller.subject(), form.phoneNumber(), request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/identity/me/phone-changes/" + change.id()))
                .body(new Started(change.id(), change.phone(), change.code().expiresAt()));
    }

    @PostMapping("/{id}/verification")
    @Operation(summary = "Confirms the new number with the code it received; the profile then carries it")
    ProfileController.ProfileView verify(@PathVariable UUID id, @Valid @RequestBody CodeForm form, Caller caller) {
        return ProfileController.ProfileView.of(changing.verify(caller.subject(), id, form.code()));
    }
}
