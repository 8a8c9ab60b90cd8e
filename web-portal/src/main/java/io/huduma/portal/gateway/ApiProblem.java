package io.huduma.portal.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The gateway API's refusal (RFC 9457 problem): its status, title and detail in the person's language,
 * and the field errors by JSON pointer.
 */
public class ApiProblem extends RuntimeException {

    /** One field error: a JSON pointer into the body (or a parameter name) and its message. */
    public record FieldError(String pointer, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** What to tell the person: the detail when the API gave one, else the title. */
    public String message() {
        return detail != null && !detail.isBlank() ? detail : title;
    }

    /** Field errors by pointer, the first message of each. */
    public Map<String, String> byPointer() {
        return errors.stream().collect(Collectors.toMap(FieldError::pointer, FieldError::message, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /** The message for one pointer, if the API named it. */
    public Optional<String> at(String pointer) {
        return Optional.ofNullable(byPointer().get(pointer));
    }
}
