package io.huduma.platform.grpc;

import org.springframework.core.Ordered;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Runs after spring-grpc's authentication interceptor and exposes the authenticated caller to
 * handlers as {@link GrpcCaller#current()}.
 */
final class CallerServerInterceptor implements ServerInterceptor, Ordered {

    @Override
    public int getOrder() {
        // spring-grpc's AuthenticationProcessInterceptor runs at CONTEXT_FILTER_ORDER - 10
        return GrpcSecurity.CONTEXT_FILTER_ORDER + 10;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        SecurityContext security = GrpcSecurity.SECURITY_CONTEXT_KEY.get();
        Authentication authentication = security == null ? null : security.getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            GrpcCaller caller = new GrpcCaller(ServiceTokenAuthenticationConverter.clientId(token.getToken()),
                    token.getToken().getSubject(), ServiceTokenAuthenticationConverter.realmRoles(token.getToken()));
            Context context = Context.current().withValue(GrpcCaller.CONTEXT_KEY, caller);
            return Contexts.interceptCall(context, call, headers, next);
        }
        return next.startCall(call, headers);
    }
}
