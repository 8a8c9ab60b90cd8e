package io.huduma.notifications.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import io.huduma.notifications.sms.SmsEncoding;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.domain.DomainException.FieldError;

/**
 * Renders templates with JMustache and checks them: only the kind's placeholders, and an SMS that fits
 * the configured number of segments when filled with sample values.
 */
public final class Rendering {

    private static final Mustache.Compiler TEXT = Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true);
    private static final Mustache.Compiler HTML = Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true);

    private final int maxSmsSegments;
    /** Compiled templates by their text (a handful in use; previews of other texts are not kept). */
    private final Map<String, com.samskivert.mustache.Template> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    public Rendering(int maxSmsSegments) {
        this.maxSmsSegments = maxSmsSegments;
    }

    public int maxSmsSegments() {
        return maxSmsSegments;
    }

    /** Fills {@code template} in with {@code values} (missing values render empty). */
    public RenderedMessage render(Template template, Map<String, String> values) {
        String body = compiled(TEXT, template.body()).execute(values);
        String subject = template.subjectLine() == null ? null : compiled(TEXT, template.subjectLine()).execute(values);
        String html = template.html() == null ? null : compiled(HTML, template.html()).execute(values);
        if ("SMS".equals(template.channel())) {
            SmsEncoding encoding = SmsEncoding.of(body);
            return new RenderedMessage(template.kind(), template.channel(), template.language(), null, body, null,
                    encoding.name(), encoding.segments(body));
        }
        return new RenderedMessage(template.kind(), template.channel(), template.language(), subject, body, html, null, 0);
    }

    private com.samskivert.mustache.Template compiled(Mustache.Compiler compiler, String text) {
        if (compiled.size() > 200) {
            compiled.clear();
        }
        return compiled.computeIfAbsent((compiler == HTML ? "H:" : "T:") + text, k -> compiler.compile(text));
    }

    /**
     * Refuses a template that does not compile, uses a placeholder its kind does not have, or (SMS) takes
     * more than the maximum number of segments with sample values. Field pointers name the template's parts.
     */
    public void check(Template template) {
        Map<String, String> samples = MessageKinds.samples(template.kind())
                .orElseThrow(() -> DomainException.notFound("No kind of message is called '" + template.kind() + "'"));
        List<FieldError> errors = new ArrayList<>();
        checkPart("/body", template.body(), samples.keySet(), errors);
        checkPart("/subject", template.subjectLine(), samples.keySet(), errors);
        checkPart("/html", template.html(), samples.keySet(), errors);
        if (errors.isEmpty() && "SMS".equals(template.channel())) {
            RenderedMessage sample = render(template, samples);
            if (sample.segments() > maxSmsSegments) {
                errors.add(new FieldError("/body", "renders to " + sample.segments() + " SMS segments ("
                        + sample.encoding() + ") with sample values; at most " + maxSmsSegments + " allowed"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.unprocessable("The template cannot be used", errors);
        }
    }

    private static void checkPart(String pointer, String text, Set<String> allowed, List<FieldError> errors) {
        if (text == null) {
            return;
        }
        Set<String> used = new LinkedHashSet<>();
        try {
            TEXT.compile(text).visit(new Mustache.Visitor() {
                @Override
                public void visitText(String text) {
                    // plain text
                }

                @Override
                public void visitVariable(String name) {
                    used.add(name);
                }

                @Override
                public boolean visitInclude(String name) {
                    used.add(">" + name);
                    return false;
                }

                @Override
                public boolean visitSection(String name) {
                    used.add(name);
                    return true;
                }

                @Override
                public boolean visitInvertedSection(String name) {
                    used.add(name);
                    return true;
                }
            });
        } catch (MustacheException e) {
            errors.add(new FieldError(pointer, "not a valid Mustache template: " + e.getMessage()));
            return;
        }
        for (String name : used) {
            if (!allowed.contains(name)) {
                errors.add(new FieldError(pointer, "unknown placeholder {{" + name + "}}; this kind has "
                        + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
    }
}
