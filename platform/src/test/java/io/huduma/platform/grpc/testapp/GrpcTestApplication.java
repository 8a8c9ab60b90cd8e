package io.huduma.platform.grpc.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with one gRPC API ({@link EchoCatalogService}) for the platform's gRPC ITs. */
@SpringBootApplication
public class GrpcTestApplication {
}
