package io.huduma.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.grpc.BindableService;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;

/** Serves a stand-in for another service's gRPC API on a free loopback port. */
final class Loopback {

    private Loopback() {
    }

    static Server serve(BindableService service) {
        try {
            return Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(service).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
