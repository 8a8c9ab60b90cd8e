package io.huduma.requests;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetServiceVersionRequest;
import io.huduma.contracts.catalog.v1.GetServiceVersionResponse;
import io.huduma.contracts.catalog.v1.ServiceStatus;
import io.huduma.contracts.catalog.v1.ServiceVersion;
import io.huduma.contracts.common.v1.Channel;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.contracts.common.v1.Money;

/**
 * Stands in for service-catalog's gRPC {@code CatalogService} on a loopback port: the service
 * versions the tests publish, with real form schemas. It records the bearer token of each call and
 * can be made to fail, to see the deadline and the circuit breaker at work.
 */
public final class FakeCatalog extends CatalogServiceGrpc.CatalogServiceImplBase {

    /** A business name registration form, as an agency would publish it. */
    public static final String BUSINESS_NAME_FORM = """
            {"type":"object","required":["businessName","ownerNationalId","startDate"],"additionalProperties":false,
             "properties":{
              "businessName":{"type":"string","minLength":3,"maxLength":100,
                              "x-label":{"sw":"Jina la biashara","en":"Business name"}},
              "ownerNationalId":{"type":"string","pattern":"^[0-9]{20}$",
                              "x-label":{"sw":"Namba ya NIDA ya mmiliki","en":"Owner's NIDA number"}},
              "startDate":{"type":"string","format":"date","x-label":{"sw":"Tarehe ya kuanza","en":"Start date"}},
              "employees":{"type":"integer","minimum":0,"maximum":10000,"x-label":{"sw":"Wafanyakazi","en":"Employees"}},
              "sector":{"type":"string","enum":["trade","farming","services"],"x-label":{"sw":"Sekta","en":"Sector"}}}}
            """;

    /** A form whose pattern would backtrack catastrophically on a backtracking engine. */
    public static final String EVIL_PATTERN_FORM = """
            {"type":"object","required":["code"],"properties":{
              "code":{"type":"string","pattern":"^(a+)+$","x-label":{"sw":"Msimbo","en":"Code"}}}}
            """;

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> BEARER = Context.key("bearer");
    private static FakeCatalog instance;

    private final Map<String, ServiceVersion> versions = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> latest = new ConcurrentHashMap<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> lastBearer = new AtomicReference<>();
    private final Server server;

    private FakeCatalog() throws IOException {
        ServerInterceptor bearer = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                String value = headers.get(AUTHORIZATION);
                return Contexts.interceptCall(Context.current().withValue(BEARER, value), call, headers, next);
            }
        };
        this.server = ServerBuilder.forPort(0).addService(ServerInterceptors.intercept(this, bearer)).build().start();
    }

    /** The one fake of the test JVM, started on first use. */
    public static synchronized FakeCatalog get() {
        if (instance == null) {
            try {
                instance = new FakeCatalog();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public int port() {
        return server.getPort();
    }

    /** Publishes a version of a service (BRELA's, SLA in working days, fee in TZS or null). */
    public ServiceVersion publish(UUID serviceId, int version, String agency, String form, int slaWorkingDays, Long fee) {
        ServiceVersion.Builder v = ServiceVersion.newBuilder().setServiceId(serviceId.toString()).setVersion(version)
                .setAgencyCode(agency).setSlug("service-" + serviceId.toString().substring(0, 8))
                .setName(LocalizedText.newBuilder().setSw("Usajili wa Jina la Biashara " + version)
                        .setEn("Business name registration " + version))
                .setFormSchemaJson(form).setSlaWorkingDays(slaWorkingDays).addChannels(Channel.CHANNEL_WEB)
                .addChannels(Channel.CHANNEL_USSD).setStatus(ServiceStatus.SERVICE_STATUS_PUBLISHED).setCategory("business");
        if (fee != null) {
            v.setFee(Money.newBuilder().setAmountMinor(fee).setCurrency("TZS"));
        }
        ServiceVersion built = v.build();
        versions.put(serviceId + "@" + version, built);
        latest.merge(serviceId, version, Math::max);
        return built;
    }

    /** Marks every version of the service as retired, as service-catalog answers after a retirement. */
    public void retire(UUID serviceId) {
        versions.replaceAll((key, v) -> key.startsWith(serviceId + "@")
                ? v.toBuilder().setStatus(ServiceStatus.SERVICE_STATUS_RETIRED).build() : v);
    }

    public void failing(boolean fail) {
        failing.set(fail);
    }

    public int calls() {
        return calls.get();
    }

    /** The Authorization metadata of the last call. */
    public String lastBearer() {
        return lastBearer.get();
    }

    @Override
    public void getServiceVersion(GetServiceVersionRequest request, StreamObserver<GetServiceVersionResponse> response) {
        calls.incrementAndGet();
        lastBearer.set(BEARER.get());
        if (failing.get()) {
            response.onError(Status.UNAVAILABLE.withDescription("catalogue down (test)").asRuntimeException());
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(request.getServiceId());
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT.asRuntimeException());
            return;
        }
        int version = request.getVersion() == 0 ? latest.getOrDefault(id, -1) : request.getVersion();
        ServiceVersion found = versions.get(id + "@" + version);
        if (found == null) {
            response.onError(Status.NOT_FOUND.withDescription("no such service").asRuntimeException());
            return;
        }
        response.onNext(GetServiceVersionResponse.newBuilder().setService(found).build());
        response.onCompleted();
    }
}
