package io.huduma.identity.profile;

import io.huduma.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/identity/me")
@Tag(name = "Profile", description = "The caller's own name, contact details, language and notification preferences")
class ProfileController {

    private final ManagingProfiles profiles;

    ProfileController(ManagingProfiles profiles) {
        this.profiles = profiles;
    }

    record PreferencesView(boolean smsRequestUpdates, boolean smsReminders, boolean emailRequestUpdates,
                           boolean emailReminders) {
    }

    record ProfileView(String subject, String fullName, String phoneNumber, String email, String language,
                       PreferencesView preferences) {

        static ProfileView of(Profile profile) {
            Preferences p = profile.preferences();
            return new ProfileView(profile.subject(), profile.displayName(), profile.phone(), profile.email(),
                    profile.language(), new PreferencesView(p.smsRequestUpdates(), p.smsReminders(),
                    p.emailRequestUpdates(), p.emailReminders()));
        }
    }

    record PreferencesForm(Boolean smsRequestUpdates, Boolean smsReminders, Boolean emailRequestUpdates,
                           Boolean emailReminders) {
    }

    record ProfileForm(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String fullName,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "sw|en") String language,
            @Null(message = "changes only through /api/v1/identity/me/phone-changes (a code goes to the new number)")
            String phoneNumber,
            @Valid PreferencesForm preferences) {
    }

    @GetMapping
    @Operation(summary = "The caller's profile (citizens and staff; not service accounts)")
    ProfileView get(Caller caller) {
        return ProfileView.of(profiles.current(caller.subject()));
    }

    @PatchMapping
    @Operation(summary = "Changes name, email, language or notification preferences (codes and security messages are always sent)")
    ProfileView change(@Valid @RequestBody ProfileForm form, Caller caller) {
        PreferencesForm p = form.preferences() == null ? new PreferencesForm(null, null, null, null) : form.preferences();
        return ProfileView.of(profiles.change(caller.subject(), new ManagingProfiles.Changes(form.fullName(), form.email(),
                form.language(), p.smsRequestUpdates(), p.smsReminders(), p.emailRequestUpdates(), p.emailReminders())));
    }
}
