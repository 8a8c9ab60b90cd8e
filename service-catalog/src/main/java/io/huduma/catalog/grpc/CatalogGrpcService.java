package io.huduma.catalog.grpc;

import java.util.UUID;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.catalog.agency.AgencyDirectory;
import io.huduma.catalog.agencyapi.AgencyApiRegistry;
import io.huduma.catalog.proto.CatalogProtos;
import io.huduma.catalog.service.PublishedServices;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetAgencyRequest;
import io.huduma.contracts.catalog.v1.GetAgencyResponse;
import io.huduma.contracts.catalog.v1.GetServiceVersionRequest;
import io.huduma.contracts.catalog.v1.GetServiceVersionResponse;
import io.huduma.contracts.catalog.v1.ListAgencyApisRequest;
import io.huduma.contracts.catalog.v1.ListAgencyApisResponse;
import io.huduma.contracts.catalog.v1.ListAgenciesRequest;
import io.huduma.contracts.catalog.v1.ListAgenciesResponse;
import io.huduma.contracts.catalog.v1.ListServicesRequest;
import io.huduma.contracts.catalog.v1.ListServicesResponse;
import io.huduma.catalog.service.Channel;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue for the other services over gRPC: published service versions (requests-service),
 * agencies (identity, notifications-service) and agency APIs (gateway). Only callers holding a
 * service token reach it (the platform's server interceptor).
 */
@Service
class CatalogGrpcService extends CatalogServiceGrpc.CatalogServiceImplBase {

    private final PublishedServices services;
    private final AgencyDirectory agencies;
    private final AgencyApiRegistry agencyApis;
    private final JsonMapper json;

    CatalogGrpcService(PublishedServices services, AgencyDirectory agencies, AgencyApiRegistry agencyApis, JsonMapper json) {
        this.services = services;
        this.agencies = agencies;
        this.agencyApis = agencyApis;
        this.json = json;
    }

    @Override
    public void getServiceVersion(GetServiceVersionRequest request, StreamObserver<GetServiceVersionResponse> response) {
        UUID id;
        try {
            id = UUID.fromString(request.getServiceId());
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("service_id must be a UUID").asRuntimeException());
            return;
        }
        if (request.getVersion() < 0) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("version must be 0 (latest) or positive").asRuntimeException());
            return;
        }
        services.find(id, request.getVersion()).ifPresentOrElse(
                version -> {
                    response.onNext(GetServiceVersionResponse.newBuilder().setService(CatalogProtos.serviceVersion(version, json)).build());
                    response.onCompleted();
                },
                () -> response.onError(Status.NOT_FOUND.withDescription(request.getVersion() == 0
                        ? "service " + id + " has no published version"
                        : "service " + id + " has no published version " + request.getVersion()).asRuntimeException()));
    }

    @Override
    public void getAgency(GetAgencyRequest request, StreamObserver<GetAgencyResponse> response) {
        agencies.find(request.getCode()).ifPresentOrElse(
                agency -> {
                    response.onNext(GetAgencyResponse.newBuilder().setAgency(CatalogProtos.agency(agency)).build());
                    response.onCompleted();
                },
                () -> response.onError(Status.NOT_FOUND.withDescription("no agency has the code '" + request.getCode() + "'")
                        .asRuntimeException()));
    }

    @Override
    public void listAgencyApis(ListAgencyApisRequest request, StreamObserver<ListAgencyApisResponse> response) {
        response.onNext(ListAgencyApisResponse.newBuilder()
                .addAllApis(agencyApis.all().stream().map(CatalogProtos::agencyApi).toList())
                .build());
        response.onCompleted();
    }

    @Override
    public void listAgencies(ListAgenciesRequest request, StreamObserver<ListAgenciesResponse> response) {
        Channel channel = channel(request.getChannel());
        response.onNext(ListAgenciesResponse.newBuilder()
                .addAllAgencies(services.agenciesOpenTo(channel).stream()
                        .flatMap(code -> agencies.find(code).stream())
                        .filter(agency -> agency.isActive())
                        .map(CatalogProtos::agency).toList())
                .build());
        response.onCompleted();
    }

    @Override
    public void listServices(ListServicesRequest request, StreamObserver<ListServicesResponse> response) {
        response.onNext(ListServicesResponse.newBuilder()
                .addAllServices(services.latestOf(request.getAgencyCode(), channel(request.getChannel())).stream()
                        .map(version -> CatalogProtos.serviceVersion(version, json)).toList())
                .build());
        response.onCompleted();
    }

    /** The catalogue's channel for a contract's; null (any channel) when unspecified. */
    private static Channel channel(io.huduma.contracts.common.v1.Channel channel) {
        return switch (channel) {
            case CHANNEL_WEB -> Channel.WEB;
            case CHANNEL_MOBILE -> Channel.MOBILE;
            case CHANNEL_SMS -> Channel.SMS;
            case CHANNEL_USSD -> Channel.USSD;
            default -> null;
        };
    }
}
