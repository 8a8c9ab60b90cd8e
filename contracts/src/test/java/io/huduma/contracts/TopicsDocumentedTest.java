package io.huduma.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.protobuf.Descriptors;
import io.huduma.contracts.catalog.v1.CatalogEvents;
import io.huduma.contracts.identity.v1.IdentityEvents;
import io.huduma.contracts.notifications.v1.NotificationEvents;
import io.huduma.contracts.requests.v1.RequestEvents;
import org.junit.jupiter.api.Test;

/** docs/events.md and Topics.java must tell the same story. */
class TopicsDocumentedTest {

    private final String eventsPage = read(Path.of(System.getProperty("huduma.root", "..")).resolve("docs/events.md"));

    @Test
    void everyDeclaredTopicIsDocumented() {
        for (String topic : Topics.ALL) {
            assertThat(eventsPage).as("docs/events.md lists %s", topic).contains("`" + topic + "`");
        }
    }

    @Test
    void everyDocumentedTopicIsDeclared() {
        Matcher rows = Pattern.compile("^\\| `(huduma\\.[a-z.-]+\\.v\\d+)` \\|", Pattern.MULTILINE).matcher(eventsPage);
        int documented = 0;
        while (rows.find()) {
            assertThat(Topics.ALL).contains(rows.group(1));
            documented++;
        }
        assertThat(documented).isEqualTo(Topics.ALL.size());
    }

    @Test
    void everyEventMessageIsDocumentedUnderItsFullName() {
        for (Descriptors.FileDescriptor file : new Descriptors.FileDescriptor[] {
                CatalogEvents.getDescriptor(), IdentityEvents.getDescriptor(),
                RequestEvents.getDescriptor(), NotificationEvents.getDescriptor()}) {
            for (Descriptors.Descriptor message : file.getMessageTypes()) {
                assertThat(eventsPage).as("docs/events.md names %s", message.getFullName())
                        .contains("`" + message.getFullName() + "`");
            }
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
