package io.huduma.platform.grpc;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.util.PatternMatchUtils;

/**
 * Which service clients ({@code azp} of their token) may call which gRPC method of this server,
 * from {@code huduma.grpc.allowed-callers}: a full method name or a pattern
 * ({@code huduma.identity.v1.IdentityService/GetContact}, {@code huduma.catalog.v1.CatalogService/*})
 * to client ids. A service that lists any method refuses every method it does not list; an empty
 * list means the server only demands a service token (the platform warns at start).
 */
final class AllowedCallers {

    private final Map<String, Set<String>> byMethod;

    AllowedCallers(Map<String, List<String>> configured) {
        this.byMethod = configured == null ? Map.of() : configured.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Set.copyOf(entry.getValue())));
    }

    boolean configured() {
        return !byMethod.isEmpty();
    }

    /** Whether {@code clientId} may call {@code fullMethodName}. */
    boolean allows(String fullMethodName, String clientId) {
        if (byMethod.isEmpty()) {
            return true;
        }
        return byMethod.entrySet().stream()
                .filter(entry -> PatternMatchUtils.simpleMatch(entry.getKey(), fullMethodName))
                .anyMatch(entry -> entry.getValue().contains(clientId));
    }

    @Override
    public String toString() {
        return byMethod.toString();
    }
}
