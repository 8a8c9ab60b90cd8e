package io.huduma.catalog.service;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.huduma.catalog.agency.Agency;
import io.huduma.catalog.agency.AgencyAccess;
import io.huduma.catalog.agency.AgencyDirectory;
import io.huduma.catalog.language.LocalizedText;
import io.huduma.platform.language.Language;
import io.huduma.platform.problem.ApiProblem;
import io.huduma.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Service administration", description = "Drafts, publication and retirement by the agency's administrators")
class ServiceAdminController {

    private final ServiceRepository repository;
    private final DraftingServices drafting;
    private final PublishingServices publishing;
    private final AgencyDirectory agencies;

    ServiceAdminController(ServiceRepository repository, DraftingServices drafting, PublishingServices publishing,
                           AgencyDirectory agencies) {
        this.repository = repository;
        this.drafting = drafting;
        this.publishing = publishing;
        this.agencies = agencies;
    }

    @PostMapping("/api/v1/agencies/{code}/services")
    @Operation(summary = "Creates a service as a draft (administrators of the agency)")
    ResponseEntity<DraftView> create(@PathVariable String code, @Valid @RequestBody ServiceContent content, Caller caller) {
        PublicService service = drafting.create(caller, code, content);
        return ResponseEntity.created(URI.create("/api/v1/services/" + service.id() + "/draft"))
                .body(DraftView.of(service, null, true));
    }

    @GetMapping("/api/v1/agencies/{code}/services")
    @Operation(summary = "Lists all services of an agency, drafts included (the agency's staff, platform administrators)")
    List<DraftView> list(@PathVariable String code, Caller caller) {
        AgencyAccess.requireStaffOf(caller, code);
        agencies.require(code);
        return repository.byAgency(code).stream().map(service -> DraftView.of(service, publishedName(service), false)).toList();
    }

    @GetMapping("/api/v1/services/{id}/draft")
    @Operation(summary = "Reads the pending draft of a service (the agency's staff, platform administrators)")
    DraftView draft(@PathVariable UUID id, Caller caller) {
        PublicService service = repository.find(id).orElseThrow(() -> DraftingServices.notFound(id));
        AgencyAccess.requireStaffOf(caller, service.agencyCode());
        if (service.draft() == null) {
            throw ApiProblem.notFound("Service " + id + " has no pending draft");
        }
        return DraftView.of(service, null, true);
    }

    @PutMapping("/api/v1/services/{id}/draft")
    @Operation(summary = "Creates or replaces the pending draft; on a published service it becomes the next version when published")
    DraftView editDraft(@PathVariable UUID id, @Valid @RequestBody ServiceContent content, Caller caller) {
        return DraftView.of(drafting.editDraft(caller, id, content), null, true);
    }

    @PostMapping("/api/v1/services/{id}/publication")
    @Operation(summary = "Publishes the pending draft as the next version (administrators of the agency)")
    ResponseEntity<ServiceVersionView> publish(@PathVariable UUID id, Language lang, Caller caller) {
        ServiceVersion version = publishing.publish(caller, id);
        return ResponseEntity.created(URI.create("/api/v1/services/" + id + "/versions/" + version.version()))
                .body(view(version, lang));
    }

    @PostMapping("/api/v1/services/{id}/retirement")
    @Operation(summary = "Retires a published service: no new applications, versions stay readable (administrators of the agency)")
    ServiceVersionView retire(@PathVariable UUID id, Language lang, Caller caller) {
        return view(publishing.retire(caller, id), lang);
    }

    private LocalizedText publishedName(PublicService service) {
        return repository.findLatest(service.id()).map(version -> version.content().name()).orElse(null);
    }

    private ServiceVersionView view(ServiceVersion version, Language lang) {
        String agencyName = agencies.find(version.agencyCode()).map(Agency::name).map(name -> name.in(lang)).orElse(null);
        return ServiceVersionView.of(version, agencyName, lang);
    }
}
