package io.huduma.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huduma.testkit.JsonHttp;
import java.time.Duration;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.huduma.contracts.catalog.v1.AgencyStatus;
import io.huduma.contracts.catalog.v1.GetAgencyRequest;
import io.huduma.contracts.catalog.v1.GetServiceVersionRequest;
import io.huduma.contracts.catalog.v1.ListAgencyApisRequest;
import io.huduma.contracts.catalog.v1.ServiceStatus;
import io.huduma.contracts.catalog.v1.ServiceVersion;
import io.huduma.contracts.common.v1.Channel;
import io.huduma.testkit.Eureka;
import io.huduma.testkit.StartupChecks;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.grpc.client.GrpcChannelFactory;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The gRPC API over a real channel, with the service tokens of real Keycloak clients. */
class CatalogGrpcIT extends CatalogIT {

    @Autowired
    GrpcChannelFactory channels;

    @Test
    void servesPublishedVersionsToServices() {
        String id = publishedService(ADMIN_RITA, "rita", unique("grpc"), "Huduma ya Mtandao", "Network Trial");
        http().put("/api/v1/services/" + id + "/draft", token(ADMIN_RITA), aDraft(null, "Huduma ya Mtandao 2", "Network Trial 2"));
        http().post("/api/v1/services/" + id + "/publication", token(ADMIN_RITA), null);
        var stub = catalog(Tokens.serviceToken("requests-service"));

        ServiceVersion latest = stub.getServiceVersion(GetServiceVersionRequest.newBuilder().setServiceId(id).build()).getService();
        assertThat(latest.getVersion()).isEqualTo(2);
        assertThat(latest.getAgencyCode()).isEqualTo("rita");
        assertThat(latest.getName().getSw()).isEqualTo("Huduma ya Mtandao 2");
        assertThat(latest.getStatus()).isEqualTo(ServiceStatus.SERVICE_STATUS_PUBLISHED);
        assertThat(latest.getFee().getAmountMinor()).isEqualTo(5000);
        assertThat(latest.getChannelsList()).containsExactly(Channel.CHANNEL_WEB, Channel.CHANNEL_SMS);
        JsonNode schema = JsonHttp.JSON.readTree(latest.getFormSchemaJson());
        assertThat(schema.at("/properties/fullName/x-label/en").asString()).isEqualTo("Full name");

        ServiceVersion first = stub.getServiceVersion(GetServiceVersionRequest.newBuilder().setServiceId(id).setVersion(1).build())
                .getService();
        assertThat(first.getName().getEn()).isEqualTo("Network Trial");

        assertThatThrownBy(() -> stub.getServiceVersion(GetServiceVersionRequest.newBuilder().setServiceId(id).setVersion(3).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> stub.getServiceVersion(GetServiceVersionRequest.newBuilder().setServiceId("nope").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void servesAgenciesWithTheirContactPoints() {
        var agency = catalog(Tokens.serviceToken("identity")).getAgency(GetAgencyRequest.newBuilder().setCode("brela").build())
                .getAgency();
        assertThat(agency.getStatus()).isEqualTo(AgencyStatus.AGENCY_STATUS_ACTIVE);
        assertThat(agency.getContactEmail()).isEqualTo("huduma@brela.go.tz");
        assertThat(agency.getContactPhone()).isEqualTo("+255222212800");
        assertThat(agency.getName().getSw()).isEqualTo("Wakala wa Usajili wa Biashara na Leseni");
        assertThatThrownBy(() -> catalog(Tokens.serviceToken("identity")).getAgency(GetAgencyRequest.newBuilder().setCode("none").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void refusesCallsWithoutAServiceToken() {
        GetAgencyRequest request = GetAgencyRequest.newBuilder().setCode("brela").build();
        assertThatThrownBy(() -> catalog(null).getAgency(request))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThatThrownBy(() -> catalog(Tokens.tamperSignature(Tokens.serviceToken("gateway"))).listAgencyApis(
                ListAgencyApisRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThatThrownBy(() -> catalog(token(PLATFORM_ADMIN)).getAgency(request))
                .as("a person's token is not a service token")
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isIn(Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED));
    }

    @Test
    void eachRpcAcceptsOnlyTheServiceClientsItNames() {
        assertThatThrownBy(() -> catalog(Tokens.serviceToken("notifications-service")).listAgencyApis(
                ListAgencyApisRequest.getDefaultInstance()))
                .as("ListAgencyApis is the gateway's")
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> catalog(Tokens.serviceToken("gateway")).getServiceVersion(
                GetServiceVersionRequest.newBuilder().setServiceId("00000000-0000-0000-0000-000000000000").build()))
                .as("GetServiceVersion is for requests-service and the USSD channel")
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThat(catalog(Tokens.serviceToken("gateway")).listAgencyApis(ListAgencyApisRequest.getDefaultInstance()))
                .as("the gateway is on ListAgencyApis' list").isNotNull();
    }

    @Test
    void startsHealthyAndRegistersItsGrpcPortInEureka() {
        StartupChecks.assertOperationalEndpoints(port);
        Eureka.Instance instance = Eureka.awaitInstance("service-catalog", port, Duration.ofSeconds(30));
        assertThat(Integer.parseInt(instance.metadata().get("grpc.port"))).isEqualTo(grpcPort);
        // resolved through Eureka by the platform's discovery:/// resolver, with this service's own token
        ManagedChannel discovered = channels.createChannel("discovery:///service-catalog");
        try {
            HealthCheckResponse health = HealthGrpc.newBlockingStub(discovered).withWaitForReady()
                    .withDeadlineAfter(Duration.ofSeconds(20)).check(HealthCheckRequest.getDefaultInstance());
            assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
            var agency = CatalogServiceGrpc.newBlockingStub(discovered).withDeadlineAfter(Duration.ofSeconds(10))
                    .getAgency(GetAgencyRequest.newBuilder().setCode("rita").build());
            assertThat(agency.getAgency().getContactEmail()).isEqualTo("huduma@rita.go.tz");
        } finally {
            discovered.shutdownNow();
        }
    }
}
