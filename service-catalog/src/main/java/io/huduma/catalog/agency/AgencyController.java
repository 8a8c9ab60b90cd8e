package io.huduma.catalog.agency;

import java.net.URI;
import java.util.List;

import io.huduma.catalog.http.PublicCaching;
import io.huduma.platform.language.Language;
import io.huduma.platform.problem.ApiProblem;
import io.huduma.platform.security.Caller;
import io.huduma.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "Agencies", description = "Government agencies that offer services on the platform")
class AgencyController {

    private final AgencyRepository repository;
    private final ManagingAgencies managing;
    private final PublicCaching caching;

    AgencyController(AgencyRepository repository, ManagingAgencies managing, PublicCaching caching) {
        this.repository = repository;
        this.managing = managing;
        this.caching = caching;
    }

    @GetMapping
    @Operation(summary = "Lists active agencies (anyone); platform administrators also see suspended ones")
    ResponseEntity<List<AgencyView>> list(Language lang, Caller caller) {
        List<AgencyView> agencies = repository.all(caller.hasRole(Roles.PLATFORM_ADMIN)).stream()
                .map(agency -> AgencyView.of(agency, lang)).toList();
        return caching.ok(agencies, lang, caller);
    }

    @GetMapping("/{code}")
    @Operation(summary = "Reads one agency (anyone while active; suspended ones only for platform administrators and the agency's staff)")
    ResponseEntity<AgencyView> get(@PathVariable String code, Language lang, Caller caller) {
        Agency agency = repository.find(code)
                .filter(found -> found.isActive() || caller.hasRole(Roles.PLATFORM_ADMIN) || code.equals(caller.agency()))
                .orElseThrow(() -> ApiProblem.notFound("No agency has the code '" + code + "'"));
        return caching.ok(AgencyView.of(agency, lang), lang, caller);
    }

    @PostMapping
    @Operation(summary = "Creates an agency (platform administrators)")
    ResponseEntity<AgencyView> create(@Valid @RequestBody AgencyForm form, Language lang) {
        Agency agency = managing.create(form);
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + agency.code())).body(AgencyView.of(agency, lang));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Replaces an agency's details; status SUSPENDED suspends it (platform administrators)")
    AgencyView replace(@PathVariable String code, @Valid @RequestBody AgencyForm form, Language lang) {
        return AgencyView.of(managing.replace(code, form), lang);
    }
}
