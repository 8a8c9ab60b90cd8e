package io.huduma.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import io.huduma.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class RenderingTest {

    private final Rendering rendering = new Rendering(2);

    private static Template sms(String kind, String body) {
        return new Template(kind, "SMS", "sw", null, body, null, 1, Instant.now(), "test");
    }

    @Test
    void fillsPlaceholdersAndCountsSegments() {
        RenderedMessage m = rendering.render(sms("request-submitted", "Ombi {{trackingNumber}} la {{serviceName}}."),
                Map.of("trackingNumber", "HDM-1", "serviceName", "Leseni"));
        assertThat(m.body()).isEqualTo("Ombi HDM-1 la Leseni.");
        assertThat(m.encoding()).isEqualTo("GSM7");
        assertThat(m.segments()).isEqualTo(1);
    }

    @Test
    void sectionsShowOnlyWithAValue() {
        Template t = sms("request-status-changed.REJECTED", "Imekataliwa.{{#note}} Sababu: {{note}}{{/note}}");
        assertThat(rendering.render(t, Map.of("note", "")).body()).isEqualTo("Imekataliwa.");
        assertThat(rendering.render(t, Map.of("note", "Haijakamilika")).body()).isEqualTo("Imekataliwa. Sababu: Haijakamilika");
    }

    @Test
    void htmlIsEscapedButTextIsNot() {
        Template mail = new Template("request-status-changed", "EMAIL", "en", "S {{note}}", "T {{note}}",
                "<p>{{note}}</p>", 1, Instant.now(), "test");
        RenderedMessage m = rendering.render(mail, Map.of("note", "<b>&</b>"));
        assertThat(m.body()).isEqualTo("T <b>&</b>");
        assertThat(m.subjectLine()).isEqualTo("S <b>&</b>");
        assertThat(m.html()).isEqualTo("<p>&lt;b&gt;&amp;&lt;/b&gt;</p>");
    }

    @Test
    void refusesUnknownPlaceholdersWithAPointer() {
        assertThatThrownBy(() -> rendering.check(sms("otp", "Code {{code}} for {{name}}")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("/body");
                        assertThat(error.message()).contains("{{name}}");
                    });
                });
    }

    @Test
    void refusesAnSmsTooLongWithSampleValues() {
        assertThatThrownBy(() -> rendering.check(sms("request-status-changed", "{{note}} ".repeat(8))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.errors().get(0).message()).contains("segments"));
        rendering.check(sms("request-status-changed", "{{note}} {{note}}"));
    }

    @Test
    void refusesATemplateThatDoesNotCompile() {
        assertThatThrownBy(() -> rendering.check(sms("otp", "{{#code}} unclosed")))
                .isInstanceOf(DomainException.class);
    }
}
