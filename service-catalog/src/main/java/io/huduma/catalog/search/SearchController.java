package io.huduma.catalog.search;

import static io.huduma.catalog.search.SearchParameters.blankToNull;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.huduma.catalog.http.PublicCaching;
import io.huduma.catalog.search.SearchParameters.KnownAgency;
import io.huduma.catalog.search.SearchParameters.KnownChannel;
import io.huduma.platform.language.Language;
import io.huduma.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Services")
class SearchController {

    static final int MAX_PAGE_SIZE = 50;

    private final PopularSearches search;
    private final PublicCaching caching;

    SearchController(PopularSearches search, PublicCaching caching) {
        this.search = search;
        this.caching = caching;
    }

    /** One page of results. {@code totalItems} counts every match. */
    record ResultPage(List<Item> items, int page, int size, long totalItems, long totalPages, String query, String language) {
    }

    /** A service in a result list, in the caller's language. */
    record Item(UUID id, int version, String agencyCode, String agencyName, String slug, String name, String description,
                String category, List<String> channels, JsonNode fee, boolean free, int slaWorkingDays) {
    }

    @GetMapping("/api/v1/services")
    @Operation(summary = "Searches and lists published services (anyone)",
            description = "Full-text search over names and descriptions in Swahili and English, with prefixes and typo "
                    + "tolerance; best matches first, or by name without q. Texts in the language of ?lang= or Accept-Language.")
    ResponseEntity<ResultPage> search(
            @Parameter(description = "words to search for") @RequestParam(required = false)
            @Size(max = 200, message = "must be at most 200 characters") String q,
            @Parameter(description = "agency code") @RequestParam(required = false) @KnownAgency String agency,
            @RequestParam(required = false) String category,
            @Parameter(description = "web, mobile, sms or ussd") @RequestParam(required = false) @KnownChannel String channel,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be between 0 and 10000")
            @Max(value = 10_000, message = "must be between 0 and 10000") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "must be between 1 and " + MAX_PAGE_SIZE)
            @Max(value = MAX_PAGE_SIZE, message = "must be between 1 and " + MAX_PAGE_SIZE) int size,
            Language lang, Caller caller) {
        String agencyFilter = blankToNull(agency);
        String channelFilter = blankToNull(channel);
        SearchQuery query = SearchQuery.parse(q);
        ServiceSearchRepository.Page found = search.search(new ServiceSearchRepository.Criteria(query, agencyFilter, blankToNull(category),
                channelFilter == null ? null : channelFilter.toLowerCase(Locale.ROOT), lang, page, size));
        List<Item> items = found.hits().stream().map(hit -> new Item(hit.id(), hit.version(), hit.agencyCode(),
                hit.agencyName().in(lang), hit.slug(), hit.name().in(lang), hit.description().in(lang), hit.category(),
                hit.channels(), hit.fee(), hit.fee() == null || hit.fee().path("amountMinor").asLong() == 0,
                hit.slaWorkingDays())).toList();
        long totalPages = (found.total() + size - 1) / size;
        return caching.ok(new ResultPage(items, page, size, found.total(), totalPages,
                query == null ? null : query.text(), lang.tag()), lang, caller);
    }
}
