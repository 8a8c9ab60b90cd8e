package io.huduma.notifications.contact;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.identity.v1.GetContactRequest;
import io.huduma.contracts.identity.v1.GetContactResponse;
import io.huduma.contracts.identity.v1.IdentityServiceGrpc;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** identity's {@code GetContact} (channel {@code identity}), with a deadline, retries and a circuit breaker. */
@Component
@EnableConfigurationProperties(ContactProperties.class)
class IdentityClient implements Contacts {

    private final IdentityServiceGrpc.IdentityServiceBlockingStub stub;
    private final ContactProperties properties;
    private final ResilientGrpcClient resilience;

    IdentityClient(GrpcChannelFactory channels, ContactProperties properties) {
        this.stub = IdentityServiceGrpc.newBlockingStub(channels.createChannel("identity"));
        this.properties = properties;
        this.resilience = new ResilientGrpcClient("identity", properties);
    }

    @Override
    public Optional<Contact> find(String subject) {
        return resilience.find(() -> {
            GetContactResponse c = stub.withDeadlineAfter(properties.deadline().toMillis(), TimeUnit.MILLISECONDS)
                    .getContact(GetContactRequest.newBuilder().setSubject(subject).build());
            return new Contact(c.getSubject(), c.getDisplayName(), c.getPhone(), c.getEmail(),
                    c.getLanguage() == Language.LANGUAGE_EN ? "en" : "sw", c.getSmsAllowed(), c.getEmailAllowed());
        });
    }
}
