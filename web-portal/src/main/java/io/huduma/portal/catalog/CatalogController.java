package io.huduma.portal.catalog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.huduma.portal.gateway.ApiProblem;
import io.huduma.portal.web.PortalProperties;

/** Home, search (filters by agency and category) and the page of one service. */
@Controller
class CatalogController {

    private final Catalog catalog;
    private final int pageSize;

    CatalogController(Catalog catalog, PortalProperties properties) {
        this.catalog = catalog;
        this.pageSize = properties.pageSize();
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("results", catalog.search(null, null, null, 0, 6));
        model.addAttribute("agencies", catalog.agencies());
        return "home";
    }

    @GetMapping("/services")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String agency,
                  @RequestParam(required = false) String category, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("agency", agency);
        model.addAttribute("category", category);
        model.addAttribute("agencies", catalog.agencies());
        model.addAttribute("categories", catalog.categories());
        try {
            model.addAttribute("results", catalog.search(q, agency, category, Math.max(0, page), pageSize));
        } catch (ApiProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            model.addAttribute("searchError", refused.message());
        }
        return "search";
    }

    @GetMapping("/services/{id}")
    String service(@PathVariable String id, Model model) {
        Catalog.ServiceDetail service = catalog.service(id);
        model.addAttribute("service", service);
        model.addAttribute("agencyInfo", catalog.agency(service.agencyCode()));
        return "service";
    }
}
