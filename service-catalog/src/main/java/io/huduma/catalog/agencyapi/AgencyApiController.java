package io.huduma.catalog.agencyapi;

import java.net.URI;
import java.util.List;

import io.huduma.catalog.agency.AgencyAccess;
import io.huduma.catalog.agency.AgencyDirectory;
import io.huduma.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agencies/{code}/apis")
@Tag(name = "Agency APIs", description = "An agency's own APIs published behind the gateway at /agencies/{code}/{name}/**")
class AgencyApiController {

    private final AgencyApiRepository repository;
    private final ManagingAgencyApis managing;
    private final AgencyDirectory agencies;

    AgencyApiController(AgencyApiRepository repository, ManagingAgencyApis managing, AgencyDirectory agencies) {
        this.repository = repository;
        this.managing = managing;
        this.agencies = agencies;
    }

    /** An agency API as the REST API shows it. */
    record View(String id, String agencyCode, String name, String upstream, AgencyApi.AccessPolicy accessPolicy,
                List<String> requiredScopes, int rateLimitPerMinute, int timeoutMillis, AgencyApi.Status status,
                String publicPath) {

        static View of(AgencyApi api) {
            return new View(api.id().toString(), api.agencyCode(), api.name(), api.upstream(), api.accessPolicy(),
                    api.requiredScopes(), api.rateLimitPerMinute(), api.timeoutMillis(), api.status(), api.publicPath());
        }
    }

    @GetMapping
    @Operation(summary = "Lists an agency's APIs (the agency's staff, platform administrators)")
    List<View> list(@PathVariable String code, Caller caller) {
        AgencyAccess.requireStaffOf(caller, code);
        agencies.require(code);
        return repository.byAgency(code).stream().map(View::of).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "Reads one agency API (the agency's staff, platform administrators)")
    View get(@PathVariable String code, @PathVariable String name, Caller caller) {
        AgencyAccess.requireStaffOf(caller, code);
        return repository.find(code, name).map(View::of).orElseThrow(() -> ManagingAgencyApis.notFound(code, name));
    }

    @PostMapping
    @Operation(summary = "Registers an API of the agency (administrators of the agency)")
    ResponseEntity<View> register(@PathVariable String code, @Valid @RequestBody AgencyApiForm form, Caller caller) {
        AgencyApi api = managing.register(caller, code, form);
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + code + "/apis/" + api.name())).body(View.of(api));
    }

    @PutMapping("/{name}")
    @Operation(summary = "Replaces an agency API; status SUSPENDED suspends it (administrators of the agency)")
    View replace(@PathVariable String code, @PathVariable String name, @Valid @RequestBody AgencyApiForm form, Caller caller) {
        return View.of(managing.replace(caller, code, name, form));
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Removes an agency API (administrators of the agency)")
    ResponseEntity<Void> remove(@PathVariable String code, @PathVariable String name, Caller caller) {
        managing.remove(caller, code, name);
        return ResponseEntity.noContent().build();
    }
}
