package io.huduma.identity.staff;

import java.net.URI;
import java.util.List;

import io.huduma.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/identity/agencies/{agency}/staff")
@Tag(name = "Agency staff", description = "Officers and administrators of an agency")
class StaffController {

    private final ManagingStaff managing;

    StaffController(ManagingStaff managing) {
        this.managing = managing;
    }

    record InvitationForm(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String fullName,
                          @NotBlank String role) {
    }

    record StaffView(String subject, String username, String email, String fullName, List<String> roles, String agency,
                     boolean enabled) {

        static StaffView of(StaffDirectory.StaffMember m) {
            return new StaffView(m.subject(), m.username(), m.email(), m.fullName(), m.roles(), m.agency(), m.enabled());
        }
    }

    /** The new account, with its temporary password: shown once, to be changed at first sign-in. */
    record CreatedView(String subject, String username, String email, String fullName, List<String> roles, String agency,
                       boolean enabled, String temporaryPassword) {
    }

    record EnabledForm(@NotNull Boolean enabled) {
    }

    @PostMapping
    @Operation(summary = "Creates a staff account: platform administrators create agency administrators; an agency's administrators invite officers and administrators of their own agency")
    ResponseEntity<CreatedView> invite(@PathVariable String agency, @Valid @RequestBody InvitationForm form, Caller caller) {
        StaffDirectory.Created created = managing.invite(caller, agency,
                new ManagingStaff.Invitation(form.email(), form.fullName(), form.role()));
        StaffDirectory.StaffMember m = created.member();
        return ResponseEntity.created(URI.create("/api/v1/identity/agencies/" + agency + "/staff/" + m.subject()))
                .body(new CreatedView(m.subject(), m.username(), m.email(), m.fullName(), m.roles(), m.agency(), m.enabled(),
                        created.temporaryPassword()));
    }

    @GetMapping
    @Operation(summary = "Lists an agency's staff (its administrators; platform administrators)")
    List<StaffView> list(@PathVariable String agency, Caller caller) {
        return managing.list(caller, agency).stream().map(StaffView::of).toList();
    }

    @PatchMapping("/{subject}")
    @Operation(summary = "Disables or re-enables a staff account of the agency")
    StaffView setEnabled(@PathVariable String agency, @PathVariable String subject, @Valid @RequestBody EnabledForm form,
                         Caller caller) {
        return StaffView.of(managing.setEnabled(caller, agency, subject, form.enabled()));
    }
}
