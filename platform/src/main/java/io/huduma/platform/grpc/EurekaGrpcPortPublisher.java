package io.huduma.platform.grpc;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

import com.netflix.appinfo.ApplicationInfoManager;

/**
 * Publishes the port the gRPC server really bound (also when configured as 0) as Eureka instance
 * metadata {@code grpc.port}, which {@code discovery:///} resolvers of other services read. Eureka
 * sends the changed instance info with its next replication.
 */
final class EurekaGrpcPortPublisher implements ApplicationListener<GrpcServerStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EurekaGrpcPortPublisher.class);

    private final ObjectProvider<ApplicationInfoManager> applicationInfoManager;

    EurekaGrpcPortPublisher(ObjectProvider<ApplicationInfoManager> applicationInfoManager) {
        this.applicationInfoManager = applicationInfoManager;
    }

    @Override
    public void onApplicationEvent(GrpcServerStartedEvent event) {
        if (event.getPort() <= 0) {
            return; // in-process server: nothing to publish
        }
        applicationInfoManager.ifAvailable(manager -> {
            String port = String.valueOf(event.getPort());
            Map<String, String> metadata = manager.getInfo().getMetadata();
            if (!port.equals(metadata.get(DiscoveryNameResolverProvider.GRPC_PORT_METADATA))) {
                manager.registerAppMetadata(Map.of(DiscoveryNameResolverProvider.GRPC_PORT_METADATA, port));
                log.info("Registered gRPC port {} in Eureka instance metadata", port);
            }
        });
    }
}
