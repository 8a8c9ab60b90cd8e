package io.huduma.notifications.template;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.huduma.platform.domain.DomainException;
import io.huduma.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins list, read, edit and preview the message templates. */
@RestController
@RequestMapping("/api/v1/notifications/templates")
class TemplateController {

    /** A template as the API shows it ({@code channel} in lower case, as in the path). */
    record TemplateView(String kind, String channel, String language, String subject, String body, String html,
                        int version, Instant updatedAt, String updatedBy) {

        static TemplateView of(Template t) {
            return new TemplateView(t.kind(), t.channel().toLowerCase(Locale.ROOT), t.language(), t.subjectLine(),
                    t.body(), t.html(), t.version(), t.updatedAt(), t.updatedBy());
        }
    }

    /** New texts of a template; {@code subject} and {@code html} only for email. */
    record TemplateEdit(@Size(max = 200) String subject, @NotBlank @Size(max = 2000) String body,
                        @Size(max = 20000) String html) {
    }

    /** Texts to try (all optional: the stored template by default) and values overriding the samples. */
    record PreviewRequest(@Size(max = 200) String subject, @Size(max = 2000) String body,
                          @Size(max = 20000) String html, Map<String, @Size(max = 500) String> values) {
    }

    /** What would go out. */
    record PreviewView(String kind, String channel, String language, String subject, String body, String html,
                       String encoding, Integer segments, int maxSegments) {
    }

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    List<TemplateView> list() {
        return templates.list().stream().map(TemplateView::of).toList();
    }

    @GetMapping("/{kind}/{channel}/{language}")
    TemplateView get(@PathVariable String kind, @PathVariable String channel, @PathVariable String language) {
        return TemplateView.of(templates.get(kind, channel(channel), language));
    }

    @PutMapping("/{kind}/{channel}/{language}")
    TemplateView edit(@PathVariable String kind, @PathVariable String channel, @PathVariable String language,
                      @Valid @RequestBody TemplateEdit edit, Caller caller) {
        return TemplateView.of(templates.edit(kind, channel(channel), language, edit.subject(), edit.body(),
                edit.html(), caller.subject()));
    }

    @PostMapping("/{kind}/{channel}/{language}/preview")
    PreviewView preview(@PathVariable String kind, @PathVariable String channel, @PathVariable String language,
                        @Valid @RequestBody PreviewRequest preview) {
        String ch = channel(channel);
        RenderedMessage rendered = templates.preview(kind, ch, language, preview.subject(), preview.body(),
                preview.html(), preview.values());
        boolean sms = "SMS".equals(ch);
        return new PreviewView(rendered.kind(), channel.toLowerCase(Locale.ROOT), rendered.language(),
                rendered.subjectLine(), rendered.body(), rendered.html(), rendered.encoding(),
                sms ? rendered.segments() : null, sms ? templates.maxSmsSegments() : 0);
    }

    private static String channel(String channel) {
        String upper = channel.toUpperCase(Locale.ROOT);
        if (!upper.equals("SMS") && !upper.equals("EMAIL")) {
            throw DomainException.notFound("No channel '" + channel + "': use sms or email");
        }
        return upper;
    }
}
