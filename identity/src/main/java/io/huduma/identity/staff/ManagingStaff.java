package io.huduma.identity.staff;

import java.util.List;

import io.huduma.identity.account.AccountEvents;
import io.huduma.identity.account.Roles;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agencies' staff accounts. A platform administrator creates the first administrators of an
 * agency (which must exist and be active in the catalogue); an agency's administrators invite
 * officers and administrators of their own agency only, list, disable and re-enable them. The
 * agency comes from the caller's token, never from a body.
 */
@Service
class ManagingStaff {

    private final StaffDirectory directory;
    private final AgencyCatalog catalog;
    private final AccountEvents events;

    ManagingStaff(StaffDirectory directory, AgencyCatalog catalog, AccountEvents events) {
        this.directory = directory;
        this.catalog = catalog;
        this.events = events;
    }

    /** Who is invited: email (also the user name), full name and one staff role. */
    record Invitation(String email, String fullName, String role) {
    }

    @Transactional
    StaffDirectory.Created invite(Caller caller, String agency, Invitation invitation) {
        requireManager(caller, agency);
        if (!Roles.STAFF.contains(invitation.role())) {
            throw DomainException.invalid("/role", "must be agency-officer or agency-admin");
        }
        if (!caller.hasRole(Roles.AGENCY_ADMIN) && !Roles.AGENCY_ADMIN.equals(invitation.role())) {
            throw DomainException.notAllowed("A platform administrator creates agency administrators; they invite their officers");
        }
        AgencyCatalog.AgencyState state = catalog.state(agency)
                .orElseThrow(() -> DomainException.notFound("No agency has the code '" + agency + "'"));
        if (state != AgencyCatalog.AgencyState.ACTIVE) {
            throw DomainException.conflict("Agency '" + agency + "' is suspended: no new staff accounts");
        }
        StaffDirectory.Created created = directory.create(agency, invitation.email(), invitation.fullName(), invitation.role());
        events.staffAccountCreated(created.member().subject(), agency, created.member().roles(), invitation.email());
        return created;
    }

    List<StaffDirectory.StaffMember> list(Caller caller, String agency) {
        requireManager(caller, agency);
        return directory.list(agency);
    }

    StaffDirectory.StaffMember setEnabled(Caller caller, String agency, String subject, boolean enabled) {
        requireManager(caller, agency);
        StaffDirectory.StaffMember member = directory.find(agency, subject)
                .orElseThrow(() -> DomainException.notFound("Agency '" + agency + "' has no staff member with this id"));
        if (subject.equals(caller.subject()) && !enabled) {
            throw DomainException.conflict("You cannot disable your own account");
        }
        directory.setEnabled(subject, enabled, false);
        return directory.find(agency, subject).orElse(member);
    }

    /** An agency was suspended or reinstated in the catalogue: its staff follow. */
    void agencyChanged(String agency, boolean active) {
        if (active) {
            directory.disabledBySuspension(agency).forEach(member -> directory.setEnabled(member.subject(), true, false));
        } else {
            directory.list(agency).stream().filter(StaffDirectory.StaffMember::enabled)
                    .forEach(member -> directory.setEnabled(member.subject(), false, true));
        }
    }

    /** Platform administrators for any agency; an agency's administrators for their own. */
    static void requireManager(Caller caller, String agency) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return;
        }
        if (!caller.hasRole(Roles.AGENCY_ADMIN) || !caller.belongsTo(agency)) {
            throw DomainException.notAllowed("Only administrators of agency '" + agency + "' may manage its staff and clients");
        }
    }
}
