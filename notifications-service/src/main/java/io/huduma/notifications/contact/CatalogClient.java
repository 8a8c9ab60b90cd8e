package io.huduma.notifications.contact;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.huduma.contracts.catalog.v1.Agency;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetAgencyRequest;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** service-catalog's {@code GetAgency} (channel {@code service-catalog}), with a deadline, retries and a circuit breaker. */
@Component
class CatalogClient implements Agencies {

    private final CatalogServiceGrpc.CatalogServiceBlockingStub stub;
    private final ContactProperties properties;
    private final ResilientGrpcClient resilience;

    CatalogClient(GrpcChannelFactory channels, ContactProperties properties) {
        this.stub = CatalogServiceGrpc.newBlockingStub(channels.createChannel("service-catalog"));
        this.properties = properties;
        this.resilience = new ResilientGrpcClient("service-catalog", properties);
    }

    @Override
    public Optional<AgencyMailbox> find(String code) {
        return resilience.find(() -> {
            Agency a = stub.withDeadlineAfter(properties.deadline().toMillis(), TimeUnit.MILLISECONDS)
                    .getAgency(GetAgencyRequest.newBuilder().setCode(code).build()).getAgency();
            return new AgencyMailbox(a.getCode(), a.getName().getSw(), a.getName().getEn(), a.getContactEmail());
        });
    }
}
