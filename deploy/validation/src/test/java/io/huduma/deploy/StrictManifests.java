package io.huduma.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses YAML strictly, document by document: Kubernetes kinds with the Kubernetes Java model
 * (unknown fields and wrong types fail), Strimzi kinds with Strimzi's own model ({@code io.strimzi:api},
 * its unknown-property bag switched off), CloudNativePG, Keycloak operator and kustomize files with the
 * JSON schemas in {@code src/test/resources/schemas} (the fields Huduma uses, nothing else allowed).
 */
final class StrictManifests {

    /** One parsed document: its raw tree and, for Kubernetes kinds, its typed model. */
    record Manifest(String origin, String apiVersion, String kind, String name, Map<String, Object> tree, Object model) {

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String... path) {
            Object node = tree;
            for (String step : path) {
                node = node instanceof Map<?, ?> m ? m.get(step) : null;
            }
            return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        <T> T as(Class<T> type) {
            return type.cast(model);
        }

        @Override
        public String toString() {
            return kind + "/" + name + " (" + origin + ")";
        }
    }

    private static final Map<String, Class<?>> STRIMZI = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class);
    private static final List<String> SCHEMA_GROUPS = List.of(
            "postgresql.cnpg.io/", "k8s.keycloak.org/", "kustomize.config.k8s.io/");

    private static final ObjectMapper STRIMZI_MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                // Strimzi keeps unknown fields in an any-setter bag; here they must fail instead
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            });
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMA_CACHE = new ConcurrentHashMap<>();

    private StrictManifests() {
    }

    /** Parses every document of {@code yaml}; throws an AssertionError naming every problem found. */
    static List<Manifest> parse(String yaml, String origin) {
        return parse(yaml, origin, false);
    }

    /**
     * As {@link #parse(String, String)}; a {@code partial} document (a kustomize patch) may leave out
     * required fields, but still names no unknown field and no wrong type.
     */
    static List<Manifest> parse(String yaml, String origin, boolean partial) {
        List<Manifest> manifests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        int index = 0;
        Iterator<Object> documents = new Yaml(options).loadAll(yaml).iterator();
        while (true) {
            Object document;
            try {
                if (!documents.hasNext()) {
                    break;
                }
                document = documents.next();
            } catch (RuntimeException e) {
                problems.add(origin + ": not valid YAML: " + e.getMessage());
                break;
            }
            index++;
            if (document == null) {
                continue;
            }
            String where = origin + " #" + index;
            try {
                manifests.add(parseDocument(document, where, partial));
            } catch (RuntimeException | AssertionError e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
        return manifests;
    }

    @SuppressWarnings("unchecked")
    private static Manifest parseDocument(Object document, String where, boolean partial) {
        if (!(document instanceof Map<?, ?> raw)) {
            throw new AssertionError("not a mapping");
        }
        Map<String, Object> tree = (Map<String, Object>) raw;
        String apiVersion = string(tree.get("apiVersion"));
        String kind = string(tree.get("kind"));
        if (apiVersion == null || kind == null) {
            throw new AssertionError("no apiVersion/kind");
        }
        Map<String, Object> metadata = tree.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String name = string(metadata.get("name"));
        Object model;
        if (apiVersion.startsWith("kafka.strimzi.io/")) {
            model = strimzi(tree, kind);
        } else if (SCHEMA_GROUPS.stream().anyMatch(apiVersion::startsWith)) {
            model = schema(tree, kind, partial);
        } else {
            model = kubernetes(tree, apiVersion, kind);
        }
        return new Manifest(where, apiVersion, kind, name, tree, model);
    }

    private static Object kubernetes(Map<String, Object> tree, String apiVersion, String kind) {
        DumperOptions dump = new DumperOptions();
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String text = new Yaml(dump).dump(tree);
        Object model;
        try {
            model = io.kubernetes.client.util.Yaml.load(text);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(kind + " (" + apiVersion + ") does not parse with the Kubernetes model: " + rootCause(e));
        }
        if (model == null || !model.getClass().getSimpleName().endsWith(kind)) {
            throw new AssertionError(apiVersion + " " + kind + " is not a Kubernetes kind");
        }
        return model;
    }

    private static Object strimzi(Map<String, Object> tree, String kind) {
        Class<?> type = STRIMZI.get(kind);
        if (type == null) {
            throw new AssertionError("Strimzi kind " + kind + " is not checked by this build");
        }
        String apiVersion = string(tree.get("apiVersion"));
        if (!apiVersion.equals("kafka.strimzi.io/v1beta2") && !apiVersion.equals("kafka.strimzi.io/v1")) {
            throw new AssertionError("Strimzi " + kind + " with unsupported apiVersion " + apiVersion);
        }
        try {
            return STRIMZI_MAPPER.convertValue(tree, type);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("Strimzi " + kind + " does not parse with io.strimzi:api: " + rootCause(e));
        }
    }

    private static Object schema(Map<String, Object> tree, String kind, boolean partial) {
        Schema schema = SCHEMA_CACHE.computeIfAbsent(kind, StrictManifests::loadSchema);
        JsonNode node = JSON.valueToTree(tree);
        List<Error> errors = schema.validate(node).stream()
                .filter(error -> !(partial && "required".equals(error.getKeyword())))
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError(kind + " breaks schemas/" + kind + ".json: " + errors);
        }
        return node;
    }

    private static Schema loadSchema(String kind) {
        try (InputStream in = StrictManifests.class.getResourceAsStream("/schemas/" + kind + ".json")) {
            if (in == null) {
                throw new AssertionError("no schema for kind " + kind + " (src/test/resources/schemas/" + kind + ".json)");
            }
            return SCHEMAS.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
