package io.huduma.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/**
 * Popular searches are answered from memory (search.PopularSearches), yet a publication or a
 * retirement shows in the very next search: the cached pages of the query are read first, so a stale
 * cache would still answer them.
 */
class SearchCacheIT extends CatalogIT {

    private List<String> ids(String query) {
        return http().get("/api/v1/services?size=50&q=" + query).body().path("items").valueStream()
                .map(item -> item.path("id").asString()).toList();
    }

    private static String letters(int n) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < n; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    @Test
    void aPublishedServiceIsFoundAtOnceAndARetiredOneIsGoneAtOnce() {
        String word = "kashe" + letters(10);
        // the query is cached in both languages, empty, before the service exists
        assertThat(ids(word)).isEmpty();
        assertThat(ids(word)).isEmpty();
        assertThat(http().get("/api/v1/services?size=50&lang=en&q=" + word).body().path("items").isEmpty()).isTrue();

        String id = publishedService(ADMIN_BRELA, "brela", unique("kashe"), "Huduma " + word, "Service " + word);
        assertThat(ids(word)).as("published: in the very next search").containsExactly(id);
        assertThat(http().get("/api/v1/services?size=50&lang=en&q=" + word).body().path("items").valueStream()
                .map(item -> item.path("name").asString())).containsExactly("Service " + word);
        assertThat(ids(word)).as("and from the cache again").containsExactly(id);

        assertThat(http().post("/api/v1/services/" + id + "/retirement", token(ADMIN_BRELA), null).status()).isEqualTo(200);
        assertThat(ids(word)).as("retired: gone from the very next search").isEmpty();
        assertThat(ids(word)).isEmpty();
    }
}
