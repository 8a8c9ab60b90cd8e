package io.huduma.identity.profile;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.identity.v1.GetContactRequest;
import io.huduma.contracts.identity.v1.GetContactResponse;
import io.huduma.contracts.identity.v1.FindCitizenByPhoneRequest;
import io.huduma.contracts.identity.v1.FindCitizenByPhoneResponse;
import io.huduma.contracts.identity.v1.IdentityServiceGrpc;
import io.huduma.contracts.identity.v1.RegisterCitizenByPhoneRequest;
import io.huduma.contracts.identity.v1.RegisterCitizenByPhoneResponse;
import io.huduma.identity.registration.RegisteringCitizensByPhone;
import io.huduma.identity.registration.RegisteringCitizensByPhone.PhoneCitizen;
import io.huduma.platform.domain.DomainException;
import org.springframework.stereotype.Service;

/**
 * How to reach an account holder, for the services that message people. The platform's interceptors
 * let through only a valid service token of a client named in {@code huduma.grpc.allowed-callers}.
 */
@Service
class ContactGrpcService extends IdentityServiceGrpc.IdentityServiceImplBase {

    private final ManagingProfiles profiles;
    private final RegisteringCitizensByPhone byPhone;

    ContactGrpcService(ManagingProfiles profiles, RegisteringCitizensByPhone byPhone) {
        this.profiles = profiles;
        this.byPhone = byPhone;
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

    @Override
    public void findCitizenByPhone(FindCitizenByPhoneRequest request, StreamObserver<FindCitizenByPhoneResponse> response) {
        try {
            byPhone.find(request.getPhone()).ifPresentOrElse(citizen -> {
                response.onNext(FindCitizenByPhoneResponse.newBuilder().setSubject(citizen.subject())
                        .setDisplayName(citizen.displayName()).setLanguage(language(citizen.language())).build());
                response.onCompleted();
            }, () -> response.onError(Status.NOT_FOUND.withDescription("no citizen has this phone").asRuntimeException()));
        } catch (DomainException refusal) {
            response.onError(status(refusal));
        }
    }

    @Override
    public void registerCitizenByPhone(RegisterCitizenByPhoneRequest request,
                                       StreamObserver<RegisterCitizenByPhoneResponse> response) {
        PhoneCitizen citizen;
        try {
            citizen = byPhone.register(request.getPhone(), request.getFullName(),
                    request.getLanguage() == Language.LANGUAGE_EN ? "en" : "sw");
        } catch (DomainException refusal) {
            response.onError(status(refusal));
            return;
        }
        response.onNext(RegisterCitizenByPhoneResponse.newBuilder().setSubject(citizen.subject()).setCreated(citizen.created()).build());
        response.onCompleted();
    }

    private static Language language(String language) {
        return "en".equals(language) ? Language.LANGUAGE_EN : Language.LANGUAGE_SW;
    }

    private static io.grpc.StatusRuntimeException status(DomainException refusal) {
        Status status = switch (refusal.kind()) {
            case INVALID, UNPROCESSABLE -> Status.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.ALREADY_EXISTS;
            default -> Status.UNAVAILABLE;
        };
        String fields = refusal.errors().stream().map(e -> e.field() + ": " + e.message())
                .collect(java.util.stream.Collectors.joining("; "));
        return status.withDescription(refusal.getMessage() + (fields.isEmpty() ? "" : " [" + fields + "]")).asRuntimeException();
    }
}
