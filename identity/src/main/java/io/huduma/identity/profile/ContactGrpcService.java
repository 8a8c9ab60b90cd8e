package io.huduma.identity.profile;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.identity.v1.GetContactRequest;
import io.huduma.contracts.identity.v1.GetContactResponse;
import io.huduma.contracts.identity.v1.IdentityServiceGrpc;
import io.huduma.platform.domain.DomainException;
import org.springframework.stereotype.Service;

/**
 * How to reach an account holder, for the services that message people. The platform's interceptors
 * let through only a valid service token of a client named in {@code huduma.grpc.allowed-callers}.
 */
@Service
class ContactGrpcService extends IdentityServiceGrpc.IdentityServiceImplBase {

    private final ManagingProfiles profiles;

    ContactGrpcService(ManagingProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void getContact(GetContactRequest request, StreamObserver<GetContactResponse> response) {
        if (!request.getSubject().matches("[0-9a-fA-F-]{36}")) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("subject must be a Keycloak user id").asRuntimeException());
            return;
        }
        Profile profile;
        try {
            profile = profiles.current(request.getSubject());
        } catch (DomainException refusal) {
            response.onError((refusal.kind() == DomainException.Kind.NOT_FOUND ? Status.NOT_FOUND : Status.UNAVAILABLE)
                    .withDescription(refusal.getMessage()).asRuntimeException());
            return;
        }
        response.onNext(GetContactResponse.newBuilder()
                .setSubject(profile.subject())
                .setDisplayName(profile.displayName())
                .setPhone(profile.phone() == null ? "" : profile.phone())
                .setEmail(profile.email() == null ? "" : profile.email())
                .setLanguage("en".equals(profile.language()) ? Language.LANGUAGE_EN : Language.LANGUAGE_SW)
                .setSmsAllowed(profile.contact().smsAllowed())
                .setEmailAllowed(profile.contact().emailAllowed())
                .build());
        response.onCompleted();
    }
}
