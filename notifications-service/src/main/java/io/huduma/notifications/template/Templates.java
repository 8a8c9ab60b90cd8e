package io.huduma.notifications.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.huduma.platform.domain.DomainException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Choosing and filling in templates (Swahili first, English as the fallback) and editing them. An SMS
 * that would still exceed the segment limit with real values (a long officer's note) is shortened
 * rather than not sent.
 */
@Service
@EnableConfigurationProperties(TemplateProperties.class)
public class Templates {

    public static final String SWAHILI = "sw";
    public static final String ENGLISH = "en";

    /** How long a copy of the templates serves before it is read again (another instance's edits show within it). */
    private static final long CACHE_NANOS = java.time.Duration.ofSeconds(10).toNanos();

    private final TemplateRepository repository;
    private final Rendering rendering;
    private volatile Map<String, Template> cache = Map.of();
    private volatile long cachedAt;

    Templates(TemplateRepository repository, TemplateProperties properties) {
        this.repository = repository;
        this.rendering = new Rendering(properties.maxSmsSegments());
    }

    /**
     * The message of {@code kind} on {@code channel} for a reader of {@code language}: the most specific
     * kind first ({@code request-status-changed.APPROVED}, then {@code request-status-changed}), in the
     * reader's language, else English, else Swahili. Values are asked per language (a service name has both).
     */
    public Optional<RenderedMessage> render(String kind, String channel, String language,
                                            Function<String, Map<String, String>> values) {
        for (String candidateKind : kinds(kind)) {
            for (String candidateLanguage : languages(language)) {
                Optional<Template> template = cached(candidateKind, channel, candidateLanguage);
                if (template.isPresent()) {
                    return Optional.of(fit(rendering.render(template.get(), values.apply(candidateLanguage))));
                }
            }
        }
        return Optional.empty();
    }

    public int maxSmsSegments() {
        return rendering.maxSmsSegments();
    }

    public List<Template> list() {
        return repository.all();
    }

    public Template get(String kind, String channel, String language) {
        return repository.find(kind, channel, language).orElseThrow(() -> DomainException.notFound(
                "No " + channel + " template '" + kind + "' in '" + language + "'"));
    }

    /** Replaces a template's texts after checking them (422 with pointers when they cannot be used). */
    @Transactional
    public Template edit(String kind, String channel, String language, String subjectLine, String body, String html,
                         String editor) {
        Template current = get(kind, channel, language);
        Template edited = new Template(kind, channel, language, "EMAIL".equals(channel) ? subjectLine : null, body,
                "EMAIL".equals(channel) ? html : null, current.version(), current.updatedAt(), editor);
        check(edited);
        repository.update(edited, editor);
        cachedAt = 0;
        return get(kind, channel, language);
    }

    /** Fills a template (the stored one, or the given texts) with sample values overridden by {@code values}. */
    public RenderedMessage preview(String kind, String channel, String language, String subjectLine, String body,
                                   String html, Map<String, String> values) {
        Template stored = get(kind, channel, language);
        Template template = body == null ? stored : new Template(kind, channel, language, subjectLine, body, html,
                stored.version(), stored.updatedAt(), stored.updatedBy());
        check(template);
        Map<String, String> filled = new java.util.HashMap<>(MessageKinds.samples(kind).orElseThrow());
        if (values != null) {
            for (Map.Entry<String, String> value : values.entrySet()) {
                if (!filled.containsKey(value.getKey())) {
                    throw DomainException.unprocessable("Unknown placeholder",
                            List.of(new DomainException.FieldError("/values/" + value.getKey(),
                                    "not a placeholder of " + MessageKinds.base(kind))));
                }
                filled.put(value.getKey(), value.getValue());
            }
        }
        return rendering.render(template, filled);
    }

    private void check(Template template) {
        if (template.body() == null || template.body().isBlank()) {
            throw DomainException.invalid("/body", "must not be blank");
        }
        if ("EMAIL".equals(template.channel()) && (template.subjectLine() == null || template.subjectLine().isBlank())) {
            throw DomainException.invalid("/subject", "an email needs a subject");
        }
        rendering.check(template);
    }

    /** Templates are read for every message: from a copy of all of them, read again every few seconds. */
    private Optional<Template> cached(String kind, String channel, String language) {
        long now = System.nanoTime();
        if (cachedAt == 0 || now - cachedAt > CACHE_NANOS) {
            Map<String, Template> all = new java.util.HashMap<>();
            for (Template t : repository.all()) {
                all.put(key(t.kind(), t.channel(), t.language()), t);
            }
            cache = all;
            cachedAt = now;
        }
        return Optional.ofNullable(cache.get(key(kind, channel, language)));
    }

    private static String key(String kind, String channel, String language) {
        return kind + '|' + channel + '|' + language;
    }

    /** Cuts an SMS that real values made too long down to the segment limit. */
    private RenderedMessage fit(RenderedMessage message) {
        if (!"SMS".equals(message.channel()) || message.segments() <= rendering.maxSmsSegments()) {
            return message;
        }
        io.huduma.notifications.sms.SmsEncoding encoding = io.huduma.notifications.sms.SmsEncoding.valueOf(message.encoding());
        String text = message.body();
        while (encoding.segments(text + "...") > rendering.maxSmsSegments()) {
            text = text.substring(0, text.length() - 1);
        }
        text = text + "...";
        return new RenderedMessage(message.kind(), message.channel(), message.language(), null, text, null,
                encoding.name(), encoding.segments(text));
    }

    private static List<String> kinds(String kind) {
        List<String> kinds = new ArrayList<>();
        kinds.add(kind);
        String base = MessageKinds.base(kind);
        if (!base.equals(kind)) {
            kinds.add(base);
        }
        return kinds;
    }

    private static Set<String> languages(String preferred) {
        Set<String> languages = new LinkedHashSet<>();
        languages.add(ENGLISH.equals(preferred) ? ENGLISH : SWAHILI);
        languages.add(ENGLISH);
        languages.add(SWAHILI);
        return languages;
    }
}
