package io.huduma.platform.grpc;

import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.PatternMatchUtils;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Runs after spring-grpc's authentication interceptor, enforces the platform's rule once more and
 * exposes the caller to handlers as {@link GrpcCaller#current()}.
 *
 * <p>The rule is decided here from this call's own authentication only: the one spring-grpc put
 * into the call's gRPC {@link Context} after decoding the call's {@code authorization} metadata
 * (never the thread's {@code SecurityContextHolder}, which belongs to whatever ran on the thread
 * last), and from the realm roles in the token's claims (not from granted authorities, which a
 * {@code RoleHierarchy} bean may widen). Whatever the authentication step decided, a call to
 * anything but health or reflection reaches its handler only with a verified token holding
 * {@value GrpcServerSecurityAutoConfiguration#REQUIRED_ROLE}, and, where the service lists the
 * callers of its methods ({@link AllowedCallers}), from a client on the method's list; the call is
 * closed here otherwise.
 */
final class CallerServerInterceptor implements ServerInterceptor, Ordered {

    private final AllowedCallers allowed;

    CallerServerInterceptor() {
        this(new AllowedCallers(java.util.Map.of()));
    }

    CallerServerInterceptor(AllowedCallers allowed) {
        this.allowed = allowed;
    }

    @Override
    public int getOrder() {
        // spring-grpc's AuthenticationProcessInterceptor runs at CONTEXT_FILTER_ORDER - 10
        return GrpcSecurity.CONTEXT_FILTER_ORDER + 10;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        if (PatternMatchUtils.simpleMatch(GrpcServerSecurityAutoConfiguration.OPEN_METHODS,
                call.getMethodDescriptor().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        SecurityContext security = GrpcSecurity.SECURITY_CONTEXT_KEY.get();
        Authentication authentication = security == null ? null : security.getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription("Authentication failed"));
        }
        Set<String> roles = ServiceTokenAuthenticationConverter.realmRoles(token.getToken());
        if (!roles.contains(GrpcServerSecurityAutoConfiguration.REQUIRED_ROLE)) {
            return refuse(call, Status.PERMISSION_DENIED.withDescription("Access denied"));
        }
        GrpcCaller caller = new GrpcCaller(ServiceTokenAuthenticationConverter.clientId(token.getToken()),
                token.getToken().getSubject(), roles);
        if (!allowed.allows(call.getMethodDescriptor().getFullMethodName(), caller.clientId())) {
            return refuse(call, Status.PERMISSION_DENIED.withDescription(
                    caller.clientId() + " may not call " + call.getMethodDescriptor().getFullMethodName()));
        }
        Context context = Context.current().withValue(GrpcCaller.CONTEXT_KEY, caller);
        return Contexts.interceptCall(context, call, headers, next);
    }

    /** Ends the call before any handler or later interceptor sees it. */
    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
