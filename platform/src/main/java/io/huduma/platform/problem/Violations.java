package io.huduma.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.huduma.platform.problem.ApiProblem.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import tools.jackson.core.JacksonException;

/** Turns the framework's validation results into {@link Violation}s with JSON pointers. */
final class Violations {

    private Violations() {
    }

    /** {@code name.sw -> /name/sw}, {@code fees[0].amount -> /fees/0/amount}, {@code "" -> ""}. */
    static String pointer(String propertyPath) {
        if (propertyPath == null || propertyPath.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < propertyPath.length(); i++) {
            char c = propertyPath.charAt(i);
            if (c == '.' || c == '[' || c == ']') {
                if (!token.isEmpty()) {
                    pointer.append('/').append(escape(token));
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (!token.isEmpty()) {
            pointer.append('/').append(escape(token));
        }
        return pointer.toString();
    }

    private static String escape(CharSequence token) {
        // RFC 6901: '~' and '/' inside a reference token
        return token.toString().replace("~", "~0").replace("/", "~1");
    }

    static List<Violation> of(BindingResult result, Locale locale) {
        return of(result, "", locale);
    }

    private static List<Violation> of(Errors result, String prefix, Locale locale) {
        List<Violation> violations = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            if (error instanceof FieldError field) {
                String message = field.isBindingFailure() ? Problems.text("violation.type", locale)
                        : field.getDefaultMessage();
                violations.add(new Violation(prefix + pointer(field.getField()), message));
            } else {
                violations.add(new Violation(prefix, error.getDefaultMessage()));
            }
        }
        return violations;
    }

    static List<Violation> of(HandlerMethodValidationException exception, Locale locale) {
        List<Violation> violations = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> {
            MethodParameter parameter = result.getMethodParameter();
            boolean body = parameter.hasParameterAnnotation(RequestBody.class);
            if (result instanceof org.springframework.validation.method.ParameterErrors errors) {
                violations.addAll(of(errors, body ? "" : "/" + name(parameter), locale));
                return;
            }
            String name = body ? "" : name(parameter);
            if (result.getContainerIndex() != null) {
                name = name + (body ? "/" : "[") + result.getContainerIndex() + (body ? "" : "]");
            } else if (result.getContainerKey() != null) {
                name = name + (body ? "/" : "[") + result.getContainerKey() + (body ? "" : "]");
            }
            for (var error : result.getResolvableErrors()) {
                violations.add(new Violation(name, error.getDefaultMessage()));
            }
        });
        return violations;
    }

    static List<Violation> of(jakarta.validation.ConstraintViolationException exception) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            violations.add(new Violation(pointer(violation.getPropertyPath()), violation.getMessage()));
        }
        return violations;
    }

    /** The pointer of a method-validation path without its method and parameter nodes, or of a bean's path. */
    private static String pointer(Path path) {
        List<String> tokens = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> tokens.clear();
                case PARAMETER -> {
                    tokens.clear();
                    parameter = node.getName();
                }
                default -> {
                    if (node.getIndex() != null) {
                        tokens.add(String.valueOf(node.getIndex()));
                    } else if (node.getKey() != null) {
                        tokens.add(String.valueOf(node.getKey()));
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        tokens.add(node.getName());
                    }
                }
            }
        }
        if (tokens.isEmpty()) {
            return parameter != null ? parameter : "";
        }
        StringBuilder pointer = new StringBuilder();
        tokens.forEach(token -> pointer.append('/').append(escape(token)));
        return pointer.toString();
    }

    /** Where Jackson stopped, as a JSON pointer, when it could read the JSON but not bind a value. */
    static String pointer(JacksonException exception) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                pointer.append('/').append(escape(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                pointer.append('/').append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    /** The name the client used for a parameter (the annotation's, else the Java name). */
    static String name(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        String name = parameter.getParameterName();
        return name != null ? name : "arg" + parameter.getParameterIndex();
    }
}
