package io.huduma.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.huduma.testkit.JsonHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Public discovery over the demo catalogue (13 services of 7 agencies, published at start-up):
 * search quality in both languages, filters, pagination, languages and conditional reads.
 */
class SearchIT extends CatalogIT {

    private List<String> topSlugs(String query, int n) {
        JsonNode items = http().get("/api/v1/services?size=" + n + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .body().path("items");
        List<String> slugs = new ArrayList<>();
        items.forEach(item -> slugs.add(item.path("slug").asString()));
        System.out.printf("search %-24s -> %s%n", "'" + query + "'", slugs);
        return slugs;
    }

    @ParameterizedTest(name = "sw \"{0}\" finds {1} first")
    @CsvSource({
            "cheti cha kuzaliwa, birth-certificate",          // whole words with connectives
            "pasipoti, passport-application",                 // one word
            "leseni ya udereva, driving-licence-renewal",
            "kibali cha ujenzi, building-permit",
            "maji, water-connection",
            "usajili wa kamp, company-registration",          // prefix of the last word
            "kitambul, national-id-registration",             // prefix
            "udereba, driving-licence-renewal",               // typo (v → b)
            "cheti cha kuzaliwe, birth-certificate",          // typo in the last word
    })
    void swahiliQueries(String query, String expectedFirst) {
        assertThat(topSlugs(query, 5)).first().isEqualTo(expectedFirst);
    }

    @ParameterizedTest(name = "en \"{0}\" finds {1} first")
    @CsvSource({
            "birth certificate, birth-certificate",
            "passport, passport-application",
            "driving licence, driving-licence-renewal",
            "building permit, building-permit",
            "land rent, land-rent-payment",
            "company regis, company-registration",            // prefix
            "pasport, passport-application",                  // typo
            "renewing a licence, driving-licence-renewal",    // stemming: renewing ~ renewal, stop word dropped
    })
    void englishQueries(String query, String expectedFirst) {
        assertThat(topSlugs(query, 5)).first().isEqualTo(expectedFirst);
    }

    @Test
    void aWordInManyNamesFindsAllOfThem() {
        assertThat(topSlugs("registration", 10).subList(0, 5)).containsExactlyInAnyOrder("business-name-registration",
                "company-registration", "marriage-registration", "national-id-registration", "tin-registration");
        assertThat(topSlugs("birth certificate", 5)).containsSubsequence("birth-certificate", "death-certificate");
        assertThat(topSlugs("zzqxj", 5)).isEmpty();
    }

    @Test
    void filtersNarrowTheResults() {
        JsonNode rita = http().get("/api/v1/services?agency=rita&size=50").body();
        assertThat(rita.path("items").valueStream().map(i -> i.path("agencyCode").asString())).containsOnly("rita");
        assertThat(rita.path("totalItems").asLong()).isGreaterThanOrEqualTo(3);

        JsonNode ussd = http().get("/api/v1/services?channel=ussd&size=50").body().path("items");
        assertThat(ussd.valueStream().map(i -> i.path("slug").asString()))
                .contains("business-name-check", "vehicle-tax-balance", "land-rent-payment")
                .as("forms that do not fit a phone are not open to USSD").doesNotContain("birth-certificate")
                .doesNotContain("passport-application");

        JsonNode civil = http().get("/api/v1/services?category=civil-registration&q=cheti&size=50").body().path("items");
        assertThat(civil.valueStream().map(i -> i.path("slug").asString())).as("'cheti cha ndoa' is in the marriage text")
                .containsExactlyInAnyOrder("birth-certificate", "death-certificate", "marriage-registration");
    }

    @Test
    void pagesAreStableAndDoNotOverlap() {
        long total = http().get("/api/v1/services?size=50").body().path("totalItems").asLong();
        Set<String> seen = new HashSet<>();
        int pages = (int) ((total + 4) / 5);
        for (int page = 0; page < pages; page++) {
            JsonNode body = http().get("/api/v1/services?size=5&page=" + page).body();
            assertThat(body.path("totalPages").asLong()).isEqualTo(pages);
            body.path("items").forEach(item -> assertThat(seen.add(item.path("id").asString()))
                    .as("an item appears on one page only").isTrue());
        }
        assertThat(seen).hasSize((int) total);
        assertThat(http().get("/api/v1/services?size=5&page=0").body())
                .as("the same page twice is the same").isEqualTo(http().get("/api/v1/services?size=5&page=0").body());
    }

    @Test
    void textsComeInTheCallersLanguageSwahiliFirst() {
        String query = "/api/v1/services?q=pasipoti";
        JsonNode sw = http().get(query).body();
        assertThat(sw.path("items").get(0).path("name").asString()).isEqualTo("Maombi ya Pasipoti");
        assertThat(sw.path("language").asString()).isEqualTo("sw");

        JsonHttp.Response en = http().get(query, null, Map.of("Accept-Language", "en-GB,en;q=0.9"));
        assertThat(en.body().path("items").get(0).path("name").asString()).isEqualTo("Passport Application");
        assertThat(en.header("Content-Language")).contains("en");
        assertThat(en.header("Vary").orElse("")).contains("Accept-Language");

        JsonHttp.Response explicit = http().get(query + "&lang=sw", null, Map.of("Accept-Language", "en"));
        assertThat(explicit.body().path("items").get(0).path("name").asString()).as("?lang= wins").isEqualTo("Maombi ya Pasipoti");
        JsonHttp.Response french = http().get(query, null, Map.of("Accept-Language", "fr"));
        assertThat(french.body().path("language").asString()).as("unsupported falls back to Swahili").isEqualTo("sw");
    }

    @Test
    void unchangedReadsAnswer304ToTheirETag() {
        String id = http().get("/api/v1/services?q=cheti%20cha%20kuzaliwa").body().path("items").get(0).path("id").asString();
        for (String path : List.of("/api/v1/services/" + id, "/api/v1/services?q=maji", "/api/v1/agencies/rita")) {
            JsonHttp.Response first = http().get(path);
            assertThat(first.status()).isEqualTo(200);
            String etag = first.header("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            assertThat(first.header("Cache-Control").orElse("")).contains("max-age=60").contains("public");

            JsonHttp.Response again = http().get(path, null, Map.of("If-None-Match", etag));
            assertThat(again.status()).as(path).isEqualTo(304);
            assertThat(again.raw().body()).isEmpty();

            JsonHttp.Response english = http().get(path, null, Map.of("If-None-Match", etag, "Accept-Language", "en"));
            assertThat(english.status()).as("another language is another representation").isEqualTo(200);
        }
    }

    @Test
    void aChangedServiceGetsANewETag() {
        String id = publishedService(ADMIN_BRELA, "brela", unique("etag"), "Huduma ya Lebo", "Tag Trial");
        String path = "/api/v1/services/" + id;
        String before = http().get(path).header("ETag").orElseThrow();
        http().put("/api/v1/services/" + id + "/draft", token(ADMIN_BRELA), aDraft(null, "Huduma ya Lebo Mpya", "Tag Trial New"));
        http().post("/api/v1/services/" + id + "/publication", token(ADMIN_BRELA), null);

        JsonHttp.Response after = http().get(path, null, Map.of("If-None-Match", before));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void badSearchParametersAreProblems() {
        JsonHttp.Response response = http().get("/api/v1/services?size=500&channel=fax&agency=nowhere");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(pointers(response)).containsExactlyInAnyOrder("size", "channel", "agency");
    }
}
