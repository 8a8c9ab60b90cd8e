package io.huduma.identity.client;

import java.net.URI;
import java.util.List;

import io.huduma.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/identity/agencies/{agency}/clients")
@Tag(name = "Agency system clients", description = "Client-credentials clients of an agency's own systems")
class AgencyClientController {

    private final ManagingAgencyClients managing;

    AgencyClientController(ManagingAgencyClients managing) {
        this.managing = managing;
    }

    record ClientForm(@NotBlank @Size(max = 40) String name,
                      @Size(max = 10) List<@Pattern(regexp = "[a-z][a-z0-9:._-]{1,63}") String> scopes) {
    }

    record ClientView(String clientId, String agency, String name, List<String> scopes, boolean enabled) {

        static ClientView of(AgencyClients.AgencyClient c) {
            return new ClientView(c.clientId(), c.agency(), c.name(), c.scopes(), c.enabled());
        }
    }

    /** The client and its secret: shown this once. */
    record CreatedView(String clientId, String agency, String name, List<String> scopes, String secret) {
    }

    record SecretView(String clientId, String secret) {
    }

    @PostMapping
    @Operation(summary = "Creates a client-credentials client for the agency's systems (its administrators); the secret is shown once")
    ResponseEntity<CreatedView> create(@PathVariable String agency, @Valid @RequestBody ClientForm form, Caller caller) {
        AgencyClients.WithSecret created = managing.create(caller, agency, form.name(), form.scopes());
        AgencyClients.AgencyClient c = created.client();
        return ResponseEntity.created(URI.create("/api/v1/identity/agencies/" + agency + "/clients/" + c.clientId()))
                .body(new CreatedView(c.clientId(), c.agency(), c.name(), c.scopes(), created.secret()));
    }

    @GetMapping
    @Operation(summary = "Lists the agency's system clients (no secrets)")
    List<ClientView> list(@PathVariable String agency, Caller caller) {
        return managing.list(caller, agency).stream().map(ClientView::of).toList();
    }

    @PostMapping("/{clientId}/secret")
    @Operation(summary = "Rotates a client's secret: the new one is shown once, the old one stops working")
    SecretView rotate(@PathVariable String agency, @PathVariable String clientId, Caller caller) {
        return new SecretView(clientId, managing.rotate(caller, agency, clientId));
    }

    @DeleteMapping("/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revokes a client: its tokens can no longer be obtained")
    void revoke(@PathVariable String agency, @PathVariable String clientId, Caller caller) {
        managing.revoke(caller, agency, clientId);
    }
}
