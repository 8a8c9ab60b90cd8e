package io.huduma.ussd.grpc;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetServiceVersionRequest;
import io.huduma.contracts.catalog.v1.ListAgenciesRequest;
import io.huduma.contracts.catalog.v1.ListServicesRequest;
import io.huduma.contracts.catalog.v1.ServiceStatus;
import io.huduma.contracts.catalog.v1.ServiceVersion;
import io.huduma.contracts.common.v1.Channel;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.ussd.menu.Bilingual;
import io.huduma.ussd.menu.Catalogue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/** service-catalog's {@code ListAgencies}, {@code ListServices} and {@code GetServiceVersion} (channel {@code service-catalog}). */
@Component
@EnableConfigurationProperties(RemoteProperties.class)
class CatalogClient implements Catalogue {

    private static final String SERVICE = "service-catalog";

    private final CatalogServiceGrpc.CatalogServiceBlockingStub stub;
    private final RemoteProperties properties;

    CatalogClient(GrpcChannelFactory channels, RemoteProperties properties) {
        this.stub = CatalogServiceGrpc.newBlockingStub(channels.createChannel(SERVICE));
        this.properties = properties;
    }

    @Override
    public List<AgencyEntry> ussdAgencies() {
        return RemoteCalls.call(SERVICE, () -> stub().listAgencies(ListAgenciesRequest.newBuilder()
                .setChannel(Channel.CHANNEL_USSD).build()).getAgenciesList().stream()
                .map(a -> new AgencyEntry(a.getCode(), text(a.getName()))).toList());
    }

    @Override
    public List<ServiceEntry> ussdServices(String agencyCode) {
        return RemoteCalls.call(SERVICE, () -> stub().listServices(ListServicesRequest.newBuilder()
                .setAgencyCode(agencyCode == null ? "" : agencyCode).setChannel(Channel.CHANNEL_USSD).build())
                .getServicesList().stream().map(CatalogClient::entry).toList());
    }

    @Override
    public Optional<ServiceEntry> service(String serviceId) {
        return RemoteCalls.find(SERVICE, () -> stub().getServiceVersion(GetServiceVersionRequest.newBuilder()
                        .setServiceId(serviceId).setVersion(0).build()).getService())
                .filter(v -> v.getStatus() == ServiceStatus.SERVICE_STATUS_PUBLISHED)
                .map(CatalogClient::entry);
    }

    private CatalogServiceGrpc.CatalogServiceBlockingStub stub() {
        return stub.withDeadlineAfter(properties.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ServiceEntry entry(ServiceVersion v) {
        return new ServiceEntry(v.getServiceId(), v.getVersion(), v.getAgencyCode(), text(v.getName()),
                v.getFormSchemaJson(), v.hasFee() ? v.getFee().getAmountMinor() : null,
                v.hasFee() ? v.getFee().getCurrency() : null, v.getSlaWorkingDays(),
                v.getChannelsList().contains(Channel.CHANNEL_USSD));
    }

    private static Bilingual text(LocalizedText text) {
        return new Bilingual(text.getSw(), text.getEn());
    }
}
