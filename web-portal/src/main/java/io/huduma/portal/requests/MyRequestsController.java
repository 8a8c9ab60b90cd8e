package io.huduma.portal.requests;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.huduma.portal.web.PageLanguage;
import io.huduma.portal.apply.FormField;
import io.huduma.portal.apply.FormSchema;
import io.huduma.portal.apply.RefusedForm;
import io.huduma.portal.catalog.Catalog;
import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.web.PortalProperties;
import tools.jackson.databind.node.ObjectNode;

/** A citizen's requests: the list, one request with its timeline, answering the officer's questions, withdrawing. */
@Controller
class MyRequestsController {

    private final Requests requests;
    private final Catalog catalog;
    private final int pageSize;

    MyRequestsController(Requests requests, Catalog catalog, PortalProperties properties) {
        this.requests = requests;
        this.catalog = catalog;
        this.pageSize = properties.pageSize();
    }

    @GetMapping("/requests")
    String mine(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("requests", requests.mine(Math.max(0, page), pageSize));
        return "requests";
    }

    @GetMapping("/requests/{id}")
    String one(@PathVariable String id, Model model) {
        RequestView request = requests.one(id);
        return render(model, request, request.needsInfo() ? fields(request, request.answers(), Map.of()) : List.of(), List.of());
    }

    @PostMapping("/requests/{id}/response")
    String respond(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
                   RedirectAttributes redirect) {
        RequestView request = requests.one(id);
        Catalog.ServiceDetail version = catalog.version(request.serviceId(), request.serviceVersion());
        ObjectNode answers = FormSchema.answers(version.formSchema(), params);
        try {
            requests.respond(id, answers, params.get("note"));
            redirect.addFlashAttribute("responded", true);
            return "redirect:/requests/" + id;
        } catch (ApiProblem refused) {
            if (refused.status() != 400 && refused.status() != 422) {
                throw refused;
            }
            RefusedForm form = RefusedForm.of(version.formSchema(), answers, refused, "/note");
            model.addAttribute("note", params.get("note"));
            return render(model, request, form.fields(), form.general());
        }
    }

    @PostMapping("/requests/{id}/withdrawal")
    String withdraw(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            requests.withdraw(id, reason);
            redirect.addFlashAttribute("withdrawn", true);
        } catch (ApiProblem refused) {
            if (refused.status() != 409 && refused.status() != 400) {
                throw refused;
            }
            redirect.addFlashAttribute("actionError", refused.message());
        }
        return "redirect:/requests/" + id;
    }

    private List<FormField> fields(RequestView request, tools.jackson.databind.JsonNode answers, Map<String, String> errors) {
        Catalog.ServiceDetail version = catalog.version(request.serviceId(), request.serviceVersion());
        return FormSchema.fields(version.formSchema(), PageLanguage.current(), answers, errors);
    }

    private String render(Model model, RequestView request, List<FormField> fields, List<String> general) {
        model.addAttribute("request", request);
        model.addAttribute("timeline", requests.timeline(request.id()));
        model.addAttribute("fields", fields);
        model.addAttribute("generalErrors", general);
        return "request";
    }

}
