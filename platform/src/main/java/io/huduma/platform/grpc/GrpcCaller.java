package io.huduma.platform.grpc;

import java.util.Optional;
import java.util.Set;

import io.grpc.Context;

/**
 * The authenticated caller of the gRPC call in hand: the calling service's Keycloak client
 * ({@code azp} of its token) and its realm roles. Read it in a handler with {@link #current()}.
 *
 * @param clientId the caller's client id, e.g. {@code svc-requests-service}
 * @param subject the token's {@code sub} (the service account user)
 * @param roles realm roles, e.g. {@code internal-service}
 */
public record GrpcCaller(String clientId, String subject, Set<String> roles) {

    static final Context.Key<GrpcCaller> CONTEXT_KEY = Context.key("huduma-grpc-caller");

    public GrpcCaller {
        roles = Set.copyOf(roles);
    }

    /** The caller of the current call; empty outside a call and for unauthenticated (health) calls. */
    public static Optional<GrpcCaller> current() {
        return Optional.ofNullable(CONTEXT_KEY.get());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
