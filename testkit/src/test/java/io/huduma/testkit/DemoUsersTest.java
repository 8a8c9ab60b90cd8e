package io.huduma.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The demo accounts tests name are the ones stack.properties lists (and the dev realm overlay holds). */
class DemoUsersTest {

    @Test
    void everyDemoUserConstantIsAStackFact() throws IOException, IllegalAccessException {
        Properties facts = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(System.getProperty("huduma.root", "..")).resolve("stack.properties"))) {
            facts.load(reader);
        }
        assertThat(DemoUsers.PASSWORD).isEqualTo(facts.getProperty("demo.password"));
        int users = 0;
        for (Field field : DemoUsers.class.getFields()) {
            String name = field.getName();
            if (Modifier.isStatic(field.getModifiers()) && (name.startsWith("CITIZEN_") || name.startsWith("OFFICER_")
                    || name.startsWith("ADMIN_") || name.equals("PLATFORM_ADMIN"))) {
                String user = (String) field.get(null);
                assertThat(facts.getProperty("demo.user." + user)).as("stack.properties lists %s", user).isNotNull();
                users++;
            }
        }
        assertThat(users).isEqualTo(facts.stringPropertyNames().stream().filter(k -> k.startsWith("demo.user.")).count());
    }
}
