package io.huduma.portal.apply;

import java.util.List;

/**
 * One control of an application form, rendered from the service's form schema in the person's language.
 *
 * @param path      the field's place in the answers, dotted ({@code owner.name})
 * @param kind      which control
 * @param value     what is in it now (as typed; {@code true}/{@code false} for yes/no; one item a line for lists)
 * @param error     the API's message for this field, if any
 * @param children  the fields of a group
 */
public record FormField(String path, Kind kind, String label, String help, boolean required, List<Option> options,
                        String min, String max, Integer minLength, Integer maxLength, String step, String value,
                        String error, List<FormField> children) {

    /** The kinds of control a form schema can ask for. */
    public enum Kind { TEXT, LONG_TEXT, EMAIL, URL, NUMBER, DATE, CHOICE, YES_NO, GROUP, LIST }

    /** One choice: the value sent and its label in the person's language. */
    public record Option(String value, String label) {
    }

    /** The HTML id (and the anchor the error summary links to). */
    public String id() {
        return "f-" + path.replace('.', '-');
    }

    /** The form parameter's name. */
    public String inputName() {
        return "f." + path;
    }

    public String helpId() {
        return help == null ? null : id() + "-help";
    }

    public String errorId() {
        return error == null ? null : id() + "-error";
    }

    /** The ids of the texts that describe the control (help, error), for aria-describedby. */
    public String describedBy() {
        String ids = ((help == null ? "" : helpId()) + " " + (error == null ? "" : errorId())).strip();
        return ids.isEmpty() ? null : ids;
    }

    public String inputType() {
        return switch (kind) {
            case EMAIL -> "email";
            case URL -> "url";
            case NUMBER -> "number";
            case DATE -> "date";
            default -> "text";
        };
    }

    /** The label of the chosen option (the value itself when it is none of them). */
    public String optionLabel() {
        return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }

    public boolean hasErrors() {
        return error != null || children.stream().anyMatch(FormField::hasErrors);
    }
}
