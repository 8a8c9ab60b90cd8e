package io.huduma.portal.admin;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.gateway.ApiResponse;
import io.huduma.portal.gateway.GatewayClient;
import io.huduma.portal.officer.AgencyServices;
import io.huduma.portal.web.Person;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agency admin's services: create drafts, edit the pending draft (the whole document, form schema
 * included, as JSON validated by the API), publish it as the next version, retire a service.
 */
@Controller
class ServiceAdminController {

    static final String TEMPLATE = """
            {
              "slug": "new-service",
              "name": {"sw": "", "en": ""},
              "description": {"sw": "", "en": ""},
              "category": "",
              "eligibility": {"sw": "", "en": ""},
              "requiredDocuments": [],
              "formSchema": {
                "type": "object",
                "required": [],
                "properties": {},
                "additionalProperties": false
              },
              "slaWorkingDays": 10,
              "channels": ["web", "mobile"],
              "contact": {"email": "", "phone": "", "office": {"sw": "", "en": ""}}
            }""";

    private final GatewayClient gateway;
    private final AgencyServices services;
    private final JsonMapper json;
    private final MessageSourceAccessor messages;

    ServiceAdminController(GatewayClient gateway, AgencyServices services, JsonMapper json, MessageSource messages) {
        this.gateway = gateway;
        this.services = services;
        this.json = json;
        this.messages = new MessageSourceAccessor(messages);
    }

    @GetMapping("/admin/services")
    String list(Authentication authentication, Model model) {
        model.addAttribute("services", services.of(Person.of(authentication).agency()));
        return "admin/services";
    }

    @GetMapping("/admin/services/new")
    String create(Model model) {
        return editor(model, null, TEMPLATE, List.of(), null);
    }

    @PostMapping("/admin/services/new")
    String create(@RequestParam(defaultValue = "") String document, Authentication authentication, Model model,
                  RedirectAttributes redirect) {
        JsonNode parsed = parse(document);
        if (parsed == null) {
            return editor(model, null, document, List.of(new ApiProblem.FieldError("", messages.getMessage("admin.invalidJson"))), null);
        }
        try {
            ApiResponse created = gateway.post("/api/v1/agencies/" + Person.of(authentication).agency() + "/services", parsed);
            redirect.addFlashAttribute("done", messages.getMessage("admin.saved"));
            return "redirect:/admin/services/" + GatewayClient.id(created.body().path("id").asString());
        } catch (ApiProblem refused) {
            return refusedEditor(model, null, document, refused);
        }
    }

    @GetMapping("/admin/services/{id}")
    String edit(@PathVariable String id, Model model) {
        String document;
        String state = null;
        try {
            JsonNode draft = gateway.get("/api/v1/services/" + GatewayClient.id(id) + "/draft").body();
            document = pretty(draft.path("draft"));
            state = draft.path("status").asString(null);
        } catch (ApiProblem refused) {
            if (refused.status() != 404) {
                throw refused;
            }
            // no pending draft: start the next version from an empty document
            document = TEMPLATE;
            model.addAttribute("noDraft", true);
        }
        return editor(model, id, document, List.of(), state);
    }

    @PostMapping("/admin/services/{id}/draft")
    String saveDraft(@PathVariable String id, @RequestParam(defaultValue = "") String document, Model model,
                     RedirectAttributes redirect) {
        JsonNode parsed = parse(document);
        if (parsed == null) {
            return editor(model, id, document, List.of(new ApiProblem.FieldError("", messages.getMessage("admin.invalidJson"))), null);
        }
        try {
            gateway.send(HttpMethod.PUT, "/api/v1/services/" + GatewayClient.id(id) + "/draft", parsed, Map.of());
            redirect.addFlashAttribute("done", messages.getMessage("admin.saved"));
            return "redirect:/admin/services/" + id;
        } catch (ApiProblem refused) {
            return refusedEditor(model, id, document, refused);
        }
    }

    @PostMapping("/admin/services/{id}/publication")
    String publish(@PathVariable String id, Model model, RedirectAttributes redirect) {
        try {
            gateway.post("/api/v1/services/" + GatewayClient.id(id) + "/publication", Map.of());
            redirect.addFlashAttribute("done", messages.getMessage("admin.published"));
            return "redirect:/admin/services";
        } catch (ApiProblem refused) {
            if (refused.status() >= 500 || refused.status() == 401) {
                throw refused;
            }
            String document;
            try {
                document = pretty(gateway.get("/api/v1/services/" + GatewayClient.id(id) + "/draft").body().path("draft"));
            } catch (ApiProblem noDraft) {
                document = TEMPLATE;
            }
            return refusedEditor(model, id, document, refused);
        }
    }

    @PostMapping("/admin/services/{id}/retirement")
    String retire(@PathVariable String id, RedirectAttributes redirect) {
        try {
            gateway.post("/api/v1/services/" + GatewayClient.id(id) + "/retirement", Map.of());
            redirect.addFlashAttribute("done", messages.getMessage("admin.retired"));
        } catch (ApiProblem refused) {
            if (refused.status() >= 500 || refused.status() == 401) {
                throw refused;
            }
            redirect.addFlashAttribute("actionError", refused.message());
        }
        return "redirect:/admin/services";
    }

    private String refusedEditor(Model model, String id, String document, ApiProblem refused) {
        if (refused.status() >= 500 || refused.status() == 401) {
            throw refused;
        }
        List<ApiProblem.FieldError> errors = refused.errors().isEmpty()
                ? List.of(new ApiProblem.FieldError("", refused.message())) : refused.errors();
        model.addAttribute("refusal", refused.message());
        return editor(model, id, document, errors, null);
    }

    private static String editor(Model model, String id, String document, List<ApiProblem.FieldError> errors, String state) {
        model.addAttribute("serviceId", id);
        model.addAttribute("document", document);
        model.addAttribute("errors", errors);
        model.addAttribute("state", state);
        return "admin/service";
    }

    private JsonNode parse(String document) {
        try {
            JsonNode node = json.readTree(document);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException invalid) {
            return null;
        }
    }

    private String pretty(JsonNode node) {
        return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    }
}
