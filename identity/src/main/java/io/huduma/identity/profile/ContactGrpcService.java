package io.huduma.identity.profile;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.identity.v1.GetContactRequest;
import io.huduma.contracts.identity.v1.GetContactResponse;
import io.huduma.contracts.identity.v1.IdentityServiceGrpc;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.grpc.GrpcCaller;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * How to reach an account holder, for the services that message people. The platform already
 * requires a service token ({@code internal-service}); this method also names the clients allowed.
 */
@Service
@EnableConfigurationProperties(ContactGrpcService.ContactProperties.class)
class ContactGrpcService extends IdentityServiceGrpc.IdentityServiceImplBase {

    /** @param contactReaders the service clients ({@code azp}) that may call GetContact */
    @ConfigurationProperties("huduma.identity.grpc")
    record ContactProperties(@DefaultValue({"svc-notifications-service", "svc-requests-service", "svc-ussd-service"})
                             List<String> contactReaders) {
    }

    private final ManagingProfiles profiles;
    private final ContactProperties properties;

    ContactGrpcService(ManagingProfiles profiles, ContactProperties properties) {
        this.profiles = profiles;
        this.properties = properties;
    }

    @Override
    public void getContact(GetContactRequest request, StreamObserver<GetContactResponse> response) {
        String client = GrpcCaller.current().map(GrpcCaller::clientId).orElse("");
        if (!properties.contactReaders().contains(client)) {
            response.onError(Status.PERMISSION_DENIED.withDescription(client + " may not read contacts").asRuntimeException());
            return;
        }
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
