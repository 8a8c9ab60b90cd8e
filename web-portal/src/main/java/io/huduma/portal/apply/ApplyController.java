package io.huduma.portal.apply;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.huduma.portal.web.PageLanguage;
import io.huduma.portal.catalog.Catalog;
import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.requests.RequestView;
import io.huduma.portal.requests.Requests;
import tools.jackson.databind.node.ObjectNode;

/**
 * Apply for a service: the form is rendered from the service's form schema, and carries an idempotency key
 * fixed when it was rendered, so a double click or a resubmitted page makes one request.
 */
@Controller
class ApplyController {

    private final Catalog catalog;
    private final Requests requests;

    ApplyController(Catalog catalog, Requests requests) {
        this.catalog = catalog;
        this.requests = requests;
    }

    @GetMapping("/services/{id}/apply")
    String form(@PathVariable String id, Model model) {
        Catalog.ServiceDetail service = catalog.service(id);
        return render(model, service, FormSchema.fields(service.formSchema(), PageLanguage.current(), null, Map.of()), List.of(), newKey());
    }

    @PostMapping("/services/{id}/apply")
    String apply(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
                 RedirectAttributes redirect) {
        Catalog.ServiceDetail service = catalog.service(id);
        String key = params.getOrDefault("idempotencyKey", "");
        if (!key.matches("[0-9a-fA-F-]{36}")) {
            key = newKey();
        }
        ObjectNode answers = FormSchema.answers(service.formSchema(), params);
        try {
            RequestView created = requests.submit(service.id(), answers, key);
            redirect.addFlashAttribute("submitted", created.trackingNumber());
            return "redirect:/requests/" + created.id();
        } catch (ApiProblem refused) {
            if (refused.status() != 400 && refused.status() != 422) {
                throw refused;
            }
            RefusedForm form = RefusedForm.of(service.formSchema(), answers, refused);
            model.addAttribute("refusal", refused.message());
            // nothing was created: the corrected form is a new application attempt with a key of its own
            return render(model, service, form.fields(), form.general(), newKey());
        }
    }

    private static String render(Model model, Catalog.ServiceDetail service, List<FormField> fields, List<String> general,
                                 String key) {
        model.addAttribute("service", service);
        model.addAttribute("fields", fields);
        model.addAttribute("generalErrors", general);
        model.addAttribute("fieldErrors", flatten(fields));
        model.addAttribute("idempotencyKey", key);
        return "apply";
    }

    /** The fields with an error, in form order, for the error summary at the top. */
    static List<FormField> flatten(List<FormField> fields) {
        List<FormField> withErrors = new java.util.ArrayList<>();
        for (FormField field : fields) {
            if (field.error() != null) {
                withErrors.add(field);
            }
            withErrors.addAll(flatten(field.children()));
        }
        return withErrors;
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }


}
