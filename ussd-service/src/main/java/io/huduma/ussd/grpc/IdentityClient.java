package io.huduma.ussd.grpc;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.huduma.contracts.identity.v1.FindCitizenByPhoneRequest;
import io.huduma.contracts.identity.v1.IdentityServiceGrpc;
import io.huduma.contracts.identity.v1.RegisterCitizenByPhoneRequest;
import io.huduma.platform.language.Language;
import io.huduma.ussd.menu.Citizens;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** identity's {@code FindCitizenByPhone} and {@code RegisterCitizenByPhone} (channel {@code identity}). */
@Component
class IdentityClient implements Citizens {

    private static final String SERVICE = "identity";

    private final IdentityServiceGrpc.IdentityServiceBlockingStub stub;
    private final RemoteProperties properties;

    IdentityClient(GrpcChannelFactory channels, RemoteProperties properties) {
        this.stub = IdentityServiceGrpc.newBlockingStub(channels.createChannel(SERVICE));
        this.properties = properties;
    }

    @Override
    public Optional<Citizen> byPhone(String e164) {
        return RemoteCalls.find(SERVICE, () -> stub().findCitizenByPhone(FindCitizenByPhoneRequest.newBuilder()
                        .setPhone(e164).build()))
                .map(c -> new Citizen(c.getSubject(), c.getDisplayName(), language(c.getLanguage())));
    }

    @Override
    public Citizen register(String e164, String fullName, Language language) {
        String subject = RemoteCalls.call(SERVICE, () -> stub().registerCitizenByPhone(RegisterCitizenByPhoneRequest.newBuilder()
                .setPhone(e164).setFullName(fullName)
                .setLanguage(language == Language.EN ? io.huduma.contracts.common.v1.Language.LANGUAGE_EN
                        : io.huduma.contracts.common.v1.Language.LANGUAGE_SW)
                .build()).getSubject());
        return new Citizen(subject, fullName, language);
    }

    private IdentityServiceGrpc.IdentityServiceBlockingStub stub() {
        return stub.withDeadlineAfter(properties.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Language language(io.huduma.contracts.common.v1.Language language) {
        return language == io.huduma.contracts.common.v1.Language.LANGUAGE_EN ? Language.EN : Language.SW;
    }
}
