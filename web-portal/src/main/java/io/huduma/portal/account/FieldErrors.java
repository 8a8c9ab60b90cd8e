package io.huduma.portal.account;

import java.util.LinkedHashMap;
import java.util.Map;

import io.huduma.portal.gateway.ApiProblem;

/** The API's field errors by the name of the form field they point at ({@code /phoneNumber} → {@code phoneNumber}). */
final class FieldErrors {

    private FieldErrors() {
    }

    static Map<String, String> of(ApiProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.byPointer().forEach((pointer, message) -> {
            String name = pointer.startsWith("/") ? pointer.substring(1).replace('/', '.') : pointer;
            errors.merge(name.isBlank() ? "_" : name, message, (a, b) -> a + "; " + b);
        });
        return errors;
    }
}
