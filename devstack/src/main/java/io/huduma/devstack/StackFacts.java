package io.huduma.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's facts as written once in {@code stack.properties} at the repository root:
 * services and their ports, the gRPC port rule, infrastructure ports and demo accounts. The
 * {@code huduma} script reads the same file.
 */
public final class StackFacts {

    /** The file's name at the repository root. */
    public static final String FILE = "stack.properties";

    private final Path file;
    private final Properties facts;

    private StackFacts(Path file, Properties facts) {
        this.file = file;
        this.facts = facts;
    }

    /** The facts of the repository at {@code -Dhuduma.root}, else the nearest directory upwards holding the file. */
    public static StackFacts load() {
        return load(root());
    }

    public static StackFacts load(Path root) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root.resolve(FILE), e);
        }
        return new StackFacts(root.resolve(FILE), properties);
    }

    /** The repository root: {@code -Dhuduma.root}, else the nearest directory upwards with {@value #FILE}. */
    public static Path root() {
        String configured = System.getProperty("huduma.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("No " + FILE + " in the working directory or above it; set -Dhuduma.root");
    }

    /** Deployable services in start order. */
    public List<String> services() {
        return words("services");
    }

    /** Services that also serve gRPC, on {@link #grpcPort}. */
    public List<String> grpcServices() {
        return words("grpc.services");
    }

    /** Services whose actuator is on a management port of their own ({@link #managementPort}). */
    public List<String> managementServices() {
        return words("management.services");
    }

    /** The rule: a service's management port is its HTTP port plus the offset. */
    public int managementPort(String service) {
        return port(service) + Integer.parseInt(required("management.offset"));
    }

    /** The HTTP port of a service or an infrastructure component ({@code postgres}, {@code keycloak}...). */
    public int port(String name) {
        return Integer.parseInt(required("port." + name));
    }

    /** The rule: a service's gRPC port is its HTTP port plus the offset. */
    public int grpcPort(String service) {
        return port(service) + Integer.parseInt(required("grpc.offset"));
    }

    /** Password of every demo account. */
    public String demoPassword() {
        return required("demo.password");
    }

    /** Demo accounts, in file order: user name → {@code role} or {@code role:agency}. */
    public Map<String, String> demoUsers() {
        Map<String, String> users = new LinkedHashMap<>();
        // Properties forgets the order: read the keys back in the file's order
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("demo.user.")) {
                    String key = line.substring(0, line.indexOf('=')).trim();
                    users.put(key.substring("demo.user.".length()), facts.getProperty(key));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return users;
    }

    private List<String> words(String key) {
        return Arrays.stream(required(key).trim().split("\\s+")).toList();
    }

    private String required(String key) {
        String value = facts.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(FILE + " has no " + key);
        }
        return value.trim();
    }
}
