package io.huduma.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.catalog.v1.AgencyApi;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.ListAgencyApisRequest;
import io.huduma.contracts.catalog.v1.ListAgencyApisResponse;

/**
 * A loopback gRPC server answering service-catalog's {@code ListAgencyApis}: the gateway's start-up load
 * is observed without running the catalogue module inside the gateway's build (which may not depend on it).
 */
final class CatalogDouble {

    static final List<AgencyApi> APIS = new CopyOnWriteArrayList<>();
    private static Server server;

    private CatalogDouble() {
    }

    static synchronized String address() {
        if (server == null) {
            try {
                server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                        .addService(new CatalogServiceGrpc.CatalogServiceImplBase() {
                            @Override
                            public void listAgencyApis(ListAgencyApisRequest request, StreamObserver<ListAgencyApisResponse> response) {
                                response.onNext(ListAgencyApisResponse.newBuilder().addAllApis(APIS).build());
                                response.onCompleted();
                            }
                        }).build().start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return "127.0.0.1:" + server.getPort();
    }
}
