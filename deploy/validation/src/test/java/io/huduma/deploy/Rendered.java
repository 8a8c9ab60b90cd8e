package io.huduma.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.huduma.deploy.StrictManifests.Manifest;

/** Each overlay rendered once per test run by kustomize and parsed strictly. */
final class Rendered {

    private static final Map<String, List<Manifest>> OVERLAYS = new ConcurrentHashMap<>();

    private Rendered() {
    }

    static List<Manifest> overlay(String name) {
        return OVERLAYS.computeIfAbsent(name, n -> StrictManifests.parse(
                Kustomize.build(Repo.K8S.resolve("overlays").resolve(n)), "kustomize build overlays/" + n));
    }

    static List<Manifest> ofKind(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    static Optional<Manifest> find(List<Manifest> manifests, String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && name.equals(m.name())).findFirst();
    }

    static <T> T get(List<Manifest> manifests, String kind, String name, Class<T> type) {
        return find(manifests, kind, name)
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered overlay"))
                .as(type);
    }
}
