package io.huduma.notifications;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.identity.v1.GetContactRequest;
import io.huduma.contracts.identity.v1.GetContactResponse;
import io.huduma.contracts.identity.v1.IdentityServiceGrpc;

/**
 * A stand-in for identity's {@code GetContact} on a loopback port (identity is being written at the same
 * time): contacts the tests register, NOT_FOUND for anyone else, and UNAVAILABLE on demand.
 */
final class FakeIdentity extends IdentityServiceGrpc.IdentityServiceImplBase {

    private final Map<String, GetContactResponse> contacts = new ConcurrentHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final Server server;

    FakeIdentity() {
        server = Loopback.serve(this);
    }

    int port() {
        return server.getPort();
    }

    /** Registers a contact and returns it. */
    GetContactResponse add(String subject, String name, String phone, String email, String language,
                           boolean smsAllowed, boolean emailAllowed) {
        GetContactResponse contact = GetContactResponse.newBuilder().setSubject(subject).setDisplayName(name)
                .setPhone(phone == null ? "" : phone).setEmail(email == null ? "" : email)
                .setLanguage("en".equals(language) ? Language.LANGUAGE_EN : Language.LANGUAGE_SW)
                .setSmsAllowed(smsAllowed).setEmailAllowed(emailAllowed).build();
        contacts.put(subject, contact);
        return contact;
    }

    /** The next {@code count} calls answer UNAVAILABLE. */
    void failNext(int count) {
        failNext.set(count);
    }

    int calls() {
        return calls.get();
    }

    @Override
    public void getContact(GetContactRequest request, StreamObserver<GetContactResponse> response) {
        calls.incrementAndGet();
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            response.onError(Status.UNAVAILABLE.withDescription("simulated outage").asRuntimeException());
            return;
        }
        GetContactResponse contact = contacts.get(request.getSubject());
        if (contact == null) {
            response.onError(Status.NOT_FOUND.withDescription("no account " + request.getSubject()).asRuntimeException());
            return;
        }
        response.onNext(contact);
        response.onCompleted();
    }
}
