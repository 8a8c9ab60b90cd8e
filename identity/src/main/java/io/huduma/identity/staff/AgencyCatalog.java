package io.huduma.identity.staff;

import java.util.Optional;

/** service-catalog's view of agencies: whether one exists and is active. */
interface AgencyCatalog {

    enum AgencyState { ACTIVE, SUSPENDED }

    /**
     * @return empty when no agency has the code
     * @throws io.huduma.platform.domain.DomainException unavailable when the catalogue cannot be asked
     */
    Optional<AgencyState> state(String code);
}
