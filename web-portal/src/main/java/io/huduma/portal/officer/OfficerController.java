package io.huduma.portal.officer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.huduma.portal.web.PageLanguage;
import io.huduma.portal.apply.FormSchema;
import io.huduma.portal.catalog.Catalog;
import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.requests.RequestView;
import io.huduma.portal.requests.Requests;
import io.huduma.portal.web.Person;
import io.huduma.portal.web.PortalProperties;

/**
 * The officer console: the agency's queue with filters and paging, one request with its answers, the
 * citizen's contact as the API returns it, the timeline and internal notes; assign to self; status changes
 * carrying the version the officer saw (a stale one is refused with a clear message, never overwrites).
 */
@Controller
class OfficerController {

    static final ZoneId TANZANIA = ZoneId.of("Africa/Dar_es_Salaam");
    /** The moves an officer makes (requests-service's workflow). */
    static final Map<String, List<String>> MOVES = Map.of(
            "SUBMITTED", List.of("IN_REVIEW"),
            "IN_REVIEW", List.of("NEEDS_INFO", "APPROVED", "REJECTED"),
            "APPROVED", List.of("COMPLETED"));

    private final Requests requests;
    private final Catalog catalog;
    private final AgencyServices services;
    private final MessageSourceAccessor messages;
    private final int pageSize;

    OfficerController(Requests requests, Catalog catalog, AgencyServices services, MessageSource messages,
                      PortalProperties properties) {
        this.requests = requests;
        this.catalog = catalog;
        this.services = services;
        this.messages = new MessageSourceAccessor(messages);
        this.pageSize = properties.pageSize();
    }

    @GetMapping("/officer")
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String serviceId,
                 @RequestParam(required = false) String assignee, @RequestParam(required = false) String due,
                 @RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
        Person person = Person.of(authentication);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("serviceId", serviceId);
        filters.put("assignee", assignee);
        LocalDate today = LocalDate.now(TANZANIA);
        if ("late".equals(due)) {
            filters.put("dueBefore", today.toString());
        } else if ("soon".equals(due)) {
            filters.put("dueBefore", today.plusDays(4).toString());
        }
        model.addAttribute("queue", requests.queue(filters, Math.max(0, page), pageSize));
        model.addAttribute("services", services.of(person.agency()));
        model.addAttribute("status", status);
        model.addAttribute("serviceId", serviceId);
        model.addAttribute("assignee", assignee);
        model.addAttribute("due", due);
        model.addAttribute("statuses", List.of("SUBMITTED", "IN_REVIEW", "NEEDS_INFO", "APPROVED", "REJECTED", "COMPLETED", "WITHDRAWN"));
        return "officer/queue";
    }

    @GetMapping("/officer/requests/{id}")
    String request(@PathVariable String id, Model model) {
        RequestView request = requests.one(id);
        Catalog.ServiceDetail version = catalog.version(request.serviceId(), request.serviceVersion());
        model.addAttribute("request", request);
        model.addAttribute("answers", FormSchema.fields(version.formSchema(), PageLanguage.current(), request.answers(), Map.of()));
        model.addAttribute("timeline", requests.timeline(id));
        model.addAttribute("moves", MOVES.getOrDefault(request.status(), List.of()));
        return "officer/request";
    }

    @PostMapping("/officer/requests/{id}/assignment")
    String assign(@PathVariable String id, RedirectAttributes redirect) {
        try {
            requests.assignToMe(id);
            redirect.addFlashAttribute("done", messages.getMessage("officer.assigned"));
        } catch (ApiProblem refused) {
            refuse(refused, redirect);
        }
        return "redirect:/officer/requests/" + id;
    }

    @PostMapping("/officer/requests/{id}/status-changes")
    String changeStatus(@PathVariable String id, @RequestParam String to, @RequestParam(required = false) String note,
                        @RequestParam(defaultValue = "false") boolean visibleToCitizen,
                        @RequestParam(required = false) String outcomeReference, @RequestParam String etag,
                        RedirectAttributes redirect) {
        try {
            requests.changeStatus(id, etag, to, note, visibleToCitizen, outcomeReference);
            redirect.addFlashAttribute("done", messages.getMessage("officer.moved",
                    new Object[] {messages.getMessage("status." + to, to)}));
        } catch (ApiProblem refused) {
            if (refused.status() == 412) {
                redirect.addFlashAttribute("actionError", messages.getMessage("officer.stale"));
            } else {
                refuse(refused, redirect);
                redirect.addFlashAttribute("draftNote", note);
            }
        }
        return "redirect:/officer/requests/" + id;
    }

    @PostMapping("/officer/requests/{id}/notes")
    String note(@PathVariable String id, @RequestParam(defaultValue = "") String text,
                @RequestParam(defaultValue = "false") boolean visibleToCitizen, RedirectAttributes redirect) {
        try {
            requests.addNote(id, text, visibleToCitizen);
            redirect.addFlashAttribute("done", messages.getMessage("officer.noted"));
        } catch (ApiProblem refused) {
            refuse(refused, redirect);
        }
        return "redirect:/officer/requests/" + id;
    }

    private static void refuse(ApiProblem refused, RedirectAttributes redirect) {
        if (refused.status() >= 500 || refused.status() == 404 || refused.status() == 401) {
            throw refused;
        }
        StringBuilder message = new StringBuilder(refused.message());
        refused.errors().forEach(e -> message.append(" (").append(e.pointer()).append(": ").append(e.message()).append(")"));
        redirect.addFlashAttribute("actionError", message.toString());
    }

}
