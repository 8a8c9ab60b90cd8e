package io.huduma.catalog.agencyapi;

import java.util.List;

import org.springframework.stereotype.Component;

/** Read access to every registered agency API, for the gateway's start-up over gRPC. */
@Component
public class AgencyApiRegistry {

    private final AgencyApiRepository repository;

    AgencyApiRegistry(AgencyApiRepository repository) {
        this.repository = repository;
    }

    public List<AgencyApi> all() {
        return repository.all();
    }
}
