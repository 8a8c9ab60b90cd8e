package io.huduma.catalog.agency;

import java.util.List;
import java.util.Optional;

import io.huduma.platform.domain.DomainException;
import org.springframework.stereotype.Component;

/** Read access to agencies for the other features of the catalogue (services, agency APIs, gRPC). */
@Component
public class AgencyDirectory {

    private final AgencyRepository repository;

    AgencyDirectory(AgencyRepository repository) {
        this.repository = repository;
    }

    public Optional<Agency> find(String code) {
        return repository.find(code);
    }

    /** The agency, or a 404 problem naming the unknown code. */
    public Agency require(String code) {
        return repository.find(code).orElseThrow(() -> DomainException.notFound("No agency has the code '" + code + "'"));
    }

    public List<Agency> all() {
        return repository.all(true);
    }
}
