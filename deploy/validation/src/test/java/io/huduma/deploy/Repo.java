package io.huduma.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The facts of the repository the manifests must agree with: stack.properties, application.yaml, docs. */
final class Repo {

    static final Path ROOT = findRoot();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path K8S = DEPLOY.resolve("k8s");
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+:(\\d+)}");

    private Repo() {
    }

    private static Path findRoot() {
        String configured = System.getProperty("huduma.root");
        Path start = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("stack.properties")) && Files.isDirectory(p.resolve("deploy"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (stack.properties) above " + start);
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties stack() {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve("stack.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Every deployable module, in start order (stack.properties {@code services}). */
    static List<String> deployableModules() {
        return List.of(stack().getProperty("services").trim().split("\\s+"));
    }

    /** A module's application.yaml flattened to dotted keys ({@code server.port}). */
    static Map<String, Object> applicationConfig(String module) {
        Path file = ROOT.resolve(module).resolve("src/main/resources/application.yaml");
        Map<String, Object> flat = new LinkedHashMap<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(read(file))) {
            if (document instanceof Map<?, ?> map) {
                flatten("", map, flat);
            }
        }
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, nested, into);
            } else {
                into.put(name, value);
            }
        });
    }

    /** The port a {@code ${PORT:8081}} style setting falls back to, or null when the key is absent. */
    static Integer defaultPort(Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer i) {
            return i;
        }
        Matcher m = PLACEHOLDER_DEFAULT.matcher(value.toString());
        if (m.matches()) {
            return Integer.valueOf(m.group(1));
        }
        return Integer.valueOf(value.toString());
    }

    /** The topics of docs/events.md (first column of its table). */
    static List<String> topics() {
        List<String> topics = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `(huduma\\.[a-z0-9.-]+)` \\|").matcher(read(ROOT.resolve("docs/events.md")));
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    /** Every YAML file under deploy/ (what an operator applies), build output excluded. */
    static List<Path> deployYamlFiles() {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !DEPLOY.relativize(p).startsWith("validation"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
