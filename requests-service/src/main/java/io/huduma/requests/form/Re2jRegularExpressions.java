package io.huduma.requests.form;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * Form-schema {@code pattern}s run on citizens' input, so they run on RE2/J, whose matching time
 * grows linearly with the input: a pattern such as {@code ^(a+)+$} cannot stall the service as it
 * would with backtracking. A pattern RE2/J cannot run (back-references, look-around) matches
 * nothing, so the answer is refused rather than checked with a backtracking engine.
 */
final class Re2jRegularExpressions implements RegularExpressionFactory {

    static final Re2jRegularExpressions INSTANCE = new Re2jRegularExpressions();

    private Re2jRegularExpressions() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException unsupported) {
            return input -> false;
        }
        // JSON Schema patterns are not anchored: "find", not "matches"
        return input -> pattern.matcher(input).find();
    }
}
