package io.huduma.catalog.service;

import java.util.List;
import java.util.UUID;

import io.huduma.catalog.agency.Agency;
import io.huduma.catalog.agency.AgencyDirectory;
import io.huduma.catalog.http.PublicCaching;
import io.huduma.platform.language.Language;
import io.huduma.platform.problem.ApiProblem;
import io.huduma.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/services/{id}")
@Tag(name = "Services", description = "Published public services (no sign-in needed)")
class ServiceController {

    private final ServiceRepository repository;
    private final AgencyDirectory agencies;
    private final PublicCaching caching;

    ServiceController(ServiceRepository repository, AgencyDirectory agencies, PublicCaching caching) {
        this.repository = repository;
        this.agencies = agencies;
        this.caching = caching;
    }

    @GetMapping
    @Operation(summary = "Reads a service in its latest published version (also when retired)")
    ResponseEntity<ServiceVersionView> latest(@PathVariable UUID id, Language lang, Caller caller) {
        ServiceVersion version = repository.findLatest(id)
                .orElseThrow(() -> ApiProblem.notFound("No published service has the id " + id));
        return caching.ok(view(version, lang), lang, caller);
    }

    @GetMapping("/versions")
    @Operation(summary = "Lists the published versions of a service")
    ResponseEntity<List<ServiceRepository.VersionSummary>> versions(@PathVariable UUID id, Language lang, Caller caller) {
        List<ServiceRepository.VersionSummary> versions = repository.versions(id);
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("No published service has the id " + id);
        }
        return caching.ok(versions, lang, caller);
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "Reads one published version of a service; versions stay readable after newer ones and after retirement")
    ResponseEntity<ServiceVersionView> version(@PathVariable UUID id, @PathVariable int version, Language lang, Caller caller) {
        ServiceVersion found = repository.findVersion(id, version)
                .orElseThrow(() -> ApiProblem.notFound("Service " + id + " has no published version " + version));
        return caching.ok(view(found, lang), lang, caller);
    }

    private ServiceVersionView view(ServiceVersion version, Language lang) {
        String agencyName = agencies.find(version.agencyCode()).map(Agency::name).map(name -> name.in(lang)).orElse(null);
        return ServiceVersionView.of(version, agencyName, lang);
    }
}
