package io.huduma.requests.request;

import java.util.List;

/** One page of a collection. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        return new Page<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }
}
