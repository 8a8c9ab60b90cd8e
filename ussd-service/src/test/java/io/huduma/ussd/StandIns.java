package io.huduma.ussd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.Timestamp;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.catalog.v1.Agency;
import io.huduma.contracts.catalog.v1.AgencyStatus;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.GetServiceVersionRequest;
import io.huduma.contracts.catalog.v1.GetServiceVersionResponse;
import io.huduma.contracts.catalog.v1.ListAgenciesRequest;
import io.huduma.contracts.catalog.v1.ListAgenciesResponse;
import io.huduma.contracts.catalog.v1.ListServicesRequest;
import io.huduma.contracts.catalog.v1.ListServicesResponse;
import io.huduma.contracts.catalog.v1.ServiceStatus;
import io.huduma.contracts.catalog.v1.ServiceVersion;
import io.huduma.contracts.common.v1.Channel;
import io.huduma.contracts.common.v1.Language;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.contracts.common.v1.Money;
import io.huduma.contracts.identity.v1.FindCitizenByPhoneRequest;
import io.huduma.contracts.identity.v1.FindCitizenByPhoneResponse;
import io.huduma.contracts.identity.v1.IdentityServiceGrpc;
import io.huduma.contracts.identity.v1.RegisterCitizenByPhoneRequest;
import io.huduma.contracts.identity.v1.RegisterCitizenByPhoneResponse;
import io.huduma.contracts.requests.v1.GetStatusByTrackingNumberRequest;
import io.huduma.contracts.requests.v1.GetStatusByTrackingNumberResponse;
import io.huduma.contracts.requests.v1.ListRecentRequestsRequest;
import io.huduma.contracts.requests.v1.ListRecentRequestsResponse;
import io.huduma.contracts.requests.v1.RecentRequest;
import io.huduma.contracts.requests.v1.RequestsServiceGrpc;
import io.huduma.contracts.requests.v1.SubmitRequestRequest;
import io.huduma.contracts.requests.v1.SubmitRequestResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stand-ins for the catalogue, identity and requests-service rpcs ussd-service calls, on one loopback
 * gRPC server. Their real implementations have ITs in their own modules; here they hold a small
 * catalogue (enough agencies and options to page), the accounts the tests register, and the requests
 * submitted (idempotent per citizen and key, as requests-service is).
 */
final class StandIns {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String LAND_RENT = "6f1c2a8e-0000-4000-8000-000000000001";
    static final String BIRTH_COPY = "6f1c2a8e-0000-4000-8000-000000000002";
    static final String WEB_ONLY = "6f1c2a8e-0000-4000-8000-000000000003";

    final Catalog catalog = new Catalog();
    final Identity identity = new Identity();
    final RequestsStandIn requests = new RequestsStandIn();
    private final Server server;

    StandIns() {
        try {
            server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                    .addService(catalog).addService(identity).addService(requests).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    static LocalizedText text(String sw, String en) {
        return LocalizedText.newBuilder().setSw(sw).setEn(en).build();
    }

    /** The catalogue: eight agencies with USSD services (two pages), services of ardhi and rita. */
    static final class Catalog extends CatalogServiceGrpc.CatalogServiceImplBase {

        final List<Agency> agencies = new ArrayList<>();
        final Map<String, ServiceVersion> services = new ConcurrentHashMap<>();

        Catalog() {
            String[][] names = {
                    {"ardhi", "Wizara ya Ardhi, Nyumba na Maendeleo ya Makazi", "Ministry of Lands, Housing and Human Settlements"},
                    {"brela", "Wakala wa Usajili wa Biashara na Leseni", "Business Registrations and Licensing Agency"},
                    {"dawasa", "Mamlaka ya Majisafi na Usafi wa Mazingira Dar es Salaam", "Dar es Salaam Water Supply and Sanitation Authority"},
                    {"immigration", "Idara ya Uhamiaji", "Immigration Department"},
                    {"nida", "Mamlaka ya Vitambulisho vya Taifa", "National Identification Authority"},
                    {"rita", "Wakala wa Usajili, Ufilisi na Udhamini", "Registration, Insolvency and Trusteeship Agency"},
                    {"tanesco", "Shirika la Umeme Tanzania", "Tanzania Electric Supply Company"},
                    {"tra", "Mamlaka ya Mapato Tanzania", "Tanzania Revenue Authority"}};
            for (String[] n : names) {
                agencies.add(Agency.newBuilder().setCode(n[0]).setName(text(n[1], n[2]))
                        .setStatus(AgencyStatus.AGENCY_STATUS_ACTIVE).build());
            }
            services.put(LAND_RENT, ServiceVersion.newBuilder().setServiceId(LAND_RENT).setVersion(1).setAgencyCode("ardhi")
                    .setSlug("land-rent-payment").setName(text("Malipo ya Kodi ya Pango la Ardhi", "Land Rent Payment"))
                    .setFormSchemaJson("""
                            {"type":"object","required":["titleNumber","region","years"],"properties":{
                             "titleNumber":{"type":"string","x-label":{"sw":"Namba ya hatimiliki","en":"Title deed number"},"maxLength":30,"pattern":"^[0-9A-Z/-]+$"},
                             "region":{"type":"string","x-label":{"sw":"Mkoa","en":"Region"},
                               "enum":["dar-es-salaam","arusha","dodoma","mwanza","mbeya","tanga","morogoro","zanzibar","kigoma","mtwara","iringa","singida","ruvuma","shinyanga","tabora","kagera","lindi","manyara","pwani","rukwa"],
                               "x-enum-labels":{"dar-es-salaam":{"sw":"Dar es Salaam","en":"Dar es Salaam"},"arusha":{"sw":"Arusha","en":"Arusha"},
                                 "dodoma":{"sw":"Dodoma","en":"Dodoma"},"mwanza":{"sw":"Mwanza","en":"Mwanza"},"mbeya":{"sw":"Mbeya","en":"Mbeya"},
                                 "tanga":{"sw":"Tanga","en":"Tanga"},"morogoro":{"sw":"Morogoro","en":"Morogoro"},"zanzibar":{"sw":"Zanzibar","en":"Zanzibar"},
                                 "kigoma":{"sw":"Kigoma","en":"Kigoma"},"mtwara":{"sw":"Mtwara","en":"Mtwara"},"iringa":{"sw":"Iringa","en":"Iringa"},
                                 "singida":{"sw":"Singida","en":"Singida"},"ruvuma":{"sw":"Ruvuma","en":"Ruvuma"},
                                 "shinyanga":{"sw":"Shinyanga","en":"Shinyanga"},"tabora":{"sw":"Tabora","en":"Tabora"},"kagera":{"sw":"Kagera","en":"Kagera"},
                                 "lindi":{"sw":"Lindi","en":"Lindi"},"manyara":{"sw":"Manyara","en":"Manyara"},"pwani":{"sw":"Pwani","en":"Pwani"},
                                 "rukwa":{"sw":"Rukwa","en":"Rukwa"}}},
                             "years":{"type":"integer","x-label":{"sw":"Idadi ya miaka ya kulipia","en":"Number of years to pay"},"minimum":1,"maximum":10},
                             "urgent":{"type":"boolean","x-label":{"sw":"Ni ya haraka?","en":"Is it urgent?"}}},"additionalProperties":false}""")
                    .setSlaWorkingDays(1).addChannels(Channel.CHANNEL_WEB).addChannels(Channel.CHANNEL_USSD)
                    .setStatus(ServiceStatus.SERVICE_STATUS_PUBLISHED).build());
            services.put(BIRTH_COPY, ServiceVersion.newBuilder().setServiceId(BIRTH_COPY).setVersion(2).setAgencyCode("rita")
                    .setSlug("birth-certificate-copy").setName(text("Nakala ya Cheti cha Kuzaliwa", "Copy of a Birth Certificate"))
                    .setFormSchemaJson("""
                            {"type":"object","required":["entryNumber"],"properties":{
                             "entryNumber":{"type":"string","x-label":{"sw":"Namba ya kuingizwa","en":"Entry number"},"maxLength":20}}}""")
                    .setFee(Money.newBuilder().setAmountMinor(3500).setCurrency("TZS"))
                    .setSlaWorkingDays(5).addChannels(Channel.CHANNEL_USSD)
                    .setStatus(ServiceStatus.SERVICE_STATUS_PUBLISHED).build());
            services.put(WEB_ONLY, ServiceVersion.newBuilder().setServiceId(WEB_ONLY).setVersion(1).setAgencyCode("rita")
                    .setSlug("marriage-registration").setName(text("Usajili wa Ndoa", "Marriage Registration"))
                    .setFormSchemaJson("{}").addChannels(Channel.CHANNEL_WEB)
                    .setStatus(ServiceStatus.SERVICE_STATUS_PUBLISHED).build());
        }

        @Override
        public void listAgencies(ListAgenciesRequest request, StreamObserver<ListAgenciesResponse> response) {
            response.onNext(ListAgenciesResponse.newBuilder().addAllAgencies(agencies).build());
            response.onCompleted();
        }

        @Override
        public void listServices(ListServicesRequest request, StreamObserver<ListServicesResponse> response) {
            response.onNext(ListServicesResponse.newBuilder().addAllServices(services.values().stream()
                    .filter(s -> s.getAgencyCode().equals(request.getAgencyCode()))
                    .filter(s -> request.getChannel() == Channel.CHANNEL_UNSPECIFIED || s.getChannelsList().contains(request.getChannel()))
                    .sorted(Comparator.comparing(ServiceVersion::getSlug)).toList()).build());
            response.onCompleted();
        }

        @Override
        public void getServiceVersion(GetServiceVersionRequest request, StreamObserver<GetServiceVersionResponse> response) {
            ServiceVersion service = services.get(request.getServiceId());
            if (service == null) {
                response.onError(Status.NOT_FOUND.withDescription("no service").asRuntimeException());
                return;
            }
            response.onNext(GetServiceVersionResponse.newBuilder().setService(service).build());
            response.onCompleted();
        }
    }

    /** identity: accounts by phone; registration creates one (once per phone). */
    static final class Identity extends IdentityServiceGrpc.IdentityServiceImplBase {

        final Map<String, FindCitizenByPhoneResponse> byPhone = new ConcurrentHashMap<>();
        final List<RegisterCitizenByPhoneRequest> registrations = new CopyOnWriteArrayList<>();

        String add(String phone, String name, Language language) {
            String subject = UUID.randomUUID().toString();
            byPhone.put(phone, FindCitizenByPhoneResponse.newBuilder().setSubject(subject).setDisplayName(name)
                    .setLanguage(language).build());
            return subject;
        }

        @Override
        public void findCitizenByPhone(FindCitizenByPhoneRequest request, StreamObserver<FindCitizenByPhoneResponse> response) {
            FindCitizenByPhoneResponse found = byPhone.get(request.getPhone());
            if (found == null) {
                response.onError(Status.NOT_FOUND.withDescription("no citizen").asRuntimeException());
                return;
            }
            response.onNext(found);
            response.onCompleted();
        }

        @Override
        public void registerCitizenByPhone(RegisterCitizenByPhoneRequest request,
                                           StreamObserver<RegisterCitizenByPhoneResponse> response) {
            registrations.add(request);
            FindCitizenByPhoneResponse existing = byPhone.get(request.getPhone());
            boolean created = existing == null;
            String subject = created ? add(request.getPhone(), request.getFullName(), request.getLanguage()) : existing.getSubject();
            response.onNext(RegisterCitizenByPhoneResponse.newBuilder().setSubject(subject).setCreated(created).build());
            response.onCompleted();
        }
    }

    /** requests-service: submissions idempotent per (citizen, key), statuses only for the phone that applied. */
    static final class RequestsStandIn extends RequestsServiceGrpc.RequestsServiceImplBase {

        record Stored(String subject, String key, String serviceId, JsonNode answers, String phone, String trackingNumber) {
        }

        final List<Stored> submitted = new CopyOnWriteArrayList<>();
        final AtomicInteger submitCalls = new AtomicInteger();
        private final AtomicInteger sequence = new AtomicInteger(1000);

        List<Stored> of(String subject) {
            return submitted.stream().filter(s -> s.subject().equals(subject)).toList();
        }

        /** A request made earlier from {@code phone} (through the web, say). */
        String addExisting(String subject, String phone) {
            String tracking = "HD-TEST-" + sequence.incrementAndGet();
            submitted.add(new Stored(subject, UUID.randomUUID().toString(), BIRTH_COPY, JSON.createObjectNode(), phone, tracking));
            return tracking;
        }

        @Override
        public synchronized void submitRequest(SubmitRequestRequest request, StreamObserver<SubmitRequestResponse> response) {
            submitCalls.incrementAndGet();
            Stored stored = submitted.stream().filter(s -> s.subject().equals(request.getCitizenSubject())
                    && s.key().equals(request.getIdempotencyKey())).findFirst().orElse(null);
            if (stored == null) {
                JsonNode answers = JSON.readTree(request.getAnswersJson());
                if (request.getServiceId().equals(LAND_RENT) && !answers.path("years").isIntegralNumber()) {
                    response.onError(Status.INVALID_ARGUMENT.withDescription("/years: must be an integer").asRuntimeException());
                    return;
                }
                stored = new Stored(request.getCitizenSubject(), request.getIdempotencyKey(), request.getServiceId(),
                        answers, request.getPhone(), "HD-TEST-" + sequence.incrementAndGet());
                submitted.add(stored);
            }
            response.onNext(SubmitRequestResponse.newBuilder().setTrackingNumber(stored.trackingNumber()).setStatus("SUBMITTED")
                    .setServiceName(text("Huduma", "Service")).setDueDate("2026-12-10").build());
            response.onCompleted();
        }

        @Override
        public void getStatusByTrackingNumber(GetStatusByTrackingNumberRequest request,
                                              StreamObserver<GetStatusByTrackingNumberResponse> response) {
            Stored stored = submitted.stream().filter(s -> s.trackingNumber().equals(request.getTrackingNumber())
                    && s.phone().equals(request.getPhone())).findFirst().orElse(null);
            if (stored == null) {
                response.onError(Status.NOT_FOUND.withDescription("not found").asRuntimeException());
                return;
            }
            response.onNext(GetStatusByTrackingNumberResponse.newBuilder().setTrackingNumber(stored.trackingNumber())
                    .setStatus("IN_REVIEW").setServiceName(text("Nakala ya Cheti cha Kuzaliwa", "Copy of a Birth Certificate"))
                    .setDueDate("2026-12-10").setVisibleNote("Tembelea ofisi yetu na kitambulisho.").build());
            response.onCompleted();
        }

        @Override
        public void listRecentRequests(ListRecentRequestsRequest request, StreamObserver<ListRecentRequestsResponse> response) {
            List<Stored> mine = new ArrayList<>(of(request.getCitizenSubject()));
            java.util.Collections.reverse(mine);
            response.onNext(ListRecentRequestsResponse.newBuilder().addAllRequests(mine.stream()
                    .limit(request.getLimit() == 0 ? 5 : request.getLimit())
                    .map(s -> RecentRequest.newBuilder().setTrackingNumber(s.trackingNumber()).setStatus("SUBMITTED")
                            .setServiceName(text("Nakala ya Cheti cha Kuzaliwa", "Copy of a Birth Certificate"))
                            .setDueDate("2026-12-10").setSubmittedAt(Timestamp.newBuilder().setSeconds(1_790_000_000L)).build())
                    .toList()).build());
            response.onCompleted();
        }
    }
}
