package io.huduma.catalog.search;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.huduma.catalog.agency.AgencyDirectory;
import io.huduma.catalog.service.Channel;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The constraints of the search parameters that Bean Validation has no annotation for: a channel
 * the catalogue knows, an agency that exists. Checked together with {@code @Min}/{@code @Max}/
 * {@code @Size}, so one 400 lists every parameter at fault.
 */
final class SearchParameters {

    private SearchParameters() {
    }

    /** Blank or one of the {@link Channel}s, in any case. */
    @Documented
    @Constraint(validatedBy = KnownChannelValidator.class)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    @Retention(RetentionPolicy.RUNTIME)
    @interface KnownChannel {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Blank or the code of an agency of the catalogue. */
    @Documented
    @Constraint(validatedBy = KnownAgencyValidator.class)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    @Retention(RetentionPolicy.RUNTIME)
    @interface KnownAgency {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static final class KnownChannelValidator implements ConstraintValidator<KnownChannel, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String channel = blankToNull(value);
            if (channel == null || Arrays.stream(Channel.values()).anyMatch(known -> known.json().equalsIgnoreCase(channel))) {
                return true;
            }
            replaceMessage(context, "must be one of " + Arrays.stream(Channel.values()).map(Channel::json)
                    .collect(Collectors.joining(", ")));
            return false;
        }
    }

    /** Spring builds constraint validators as beans, so the directory is injected. */
    static final class KnownAgencyValidator implements ConstraintValidator<KnownAgency, String> {

        private final AgencyDirectory agencies;

        KnownAgencyValidator(AgencyDirectory agencies) {
            this.agencies = agencies;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String code = blankToNull(value);
            if (code == null || agencies.find(code).isPresent()) {
                return true;
            }
            replaceMessage(context, "no agency has the code '" + code + "'");
            return false;
        }
    }

    private static void replaceMessage(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        // a literal message: braces in user input must not be read as message parameters
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
    }
}
