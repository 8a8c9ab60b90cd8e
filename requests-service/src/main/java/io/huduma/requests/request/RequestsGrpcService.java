package io.huduma.requests.request;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.contracts.requests.v1.GetStatusByTrackingNumberRequest;
import io.huduma.contracts.requests.v1.GetStatusByTrackingNumberResponse;
import io.huduma.contracts.requests.v1.ListRecentRequestsRequest;
import io.huduma.contracts.requests.v1.ListRecentRequestsResponse;
import io.huduma.contracts.requests.v1.RecentRequest;
import io.huduma.contracts.requests.v1.RequestsServiceGrpc;
import io.huduma.contracts.requests.v1.SubmitRequestRequest;
import io.huduma.contracts.requests.v1.SubmitRequestResponse;
import io.huduma.platform.domain.DomainException;
import io.huduma.platform.grpc.GrpcCaller;
import io.huduma.platform.language.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * requests-service over gRPC for the SMS and USSD channels. The platform lets only service tokens
 * with role {@code internal-service} in; each rpc further names the service clients it serves.
 */
@Service
class RequestsGrpcService extends RequestsServiceGrpc.RequestsServiceImplBase {

    private static final int MAX_RECENT = 20;
    private static final int DEFAULT_RECENT = 5;

    private final ReadingRequests reading;
    private final SubmittingRequests submitting;
    private final JsonMapper json;
    private final Set<String> statusCallers;
    private final Set<String> submitCallers;
    private final Set<String> recentCallers;

    RequestsGrpcService(ReadingRequests reading, SubmittingRequests submitting, JsonMapper json,
                        @Value("${huduma.requests.grpc.status-callers:svc-notifications-service,svc-ussd-service}") String statusCallers,
                        @Value("${huduma.requests.grpc.submit-callers:svc-ussd-service}") String submitCallers,
                        @Value("${huduma.requests.grpc.recent-callers:svc-ussd-service}") String recentCallers) {
        this.reading = reading;
        this.submitting = submitting;
        this.json = json;
        this.statusCallers = split(statusCallers);
        this.submitCallers = split(submitCallers);
        this.recentCallers = split(recentCallers);
    }

    @Override
    public void getStatusByTrackingNumber(GetStatusByTrackingNumberRequest request,
                                          StreamObserver<GetStatusByTrackingNumberResponse> response) {
        try {
            allow(statusCallers);
            PublicStatus status = reading.statusForPhone(request.getTrackingNumber(), request.getPhone());
            response.onNext(GetStatusByTrackingNumberResponse.newBuilder()
                    .setTrackingNumber(status.trackingNumber())
                    .setStatus(status.status().name())
                    .setServiceName(LocalizedText.newBuilder().setSw(status.serviceNameSw()).setEn(status.serviceNameEn()))
                    .setAgencyCode(status.agencyCode())
                    .setUpdatedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(status.updatedAt().getEpochSecond()))
                    .setVisibleNote(status.visibleNote() == null ? "" : status.visibleNote())
                    .setDueDate(status.dueDate().toString())
                    .setOnTime(status.onTime())
                    .build());
            response.onCompleted();
        } catch (DomainException | StatusRuntimeException e) {
            response.onError(toStatus(e));
        }
    }

    @Override
    public void submitRequest(SubmitRequestRequest request, StreamObserver<SubmitRequestResponse> response) {
        try {
            allow(submitCallers);
            if (request.getCitizenSubject().isBlank() || request.getIdempotencyKey().isBlank()
                    || request.getIdempotencyKey().length() > 100) {
                throw DomainException.invalid("citizen_subject/idempotency_key",
                        "citizen_subject and an idempotency_key of at most 100 characters are required");
            }
            UUID serviceId;
            JsonNode answers;
            try {
                serviceId = UUID.fromString(request.getServiceId());
                answers = json.readTree(request.getAnswersJson().isBlank() ? "{}" : request.getAnswersJson());
            } catch (IllegalArgumentException | JacksonException e) {
                throw DomainException.invalid("service_id/answers_json", "service_id must be a UUID and answers_json a JSON object");
            }
            SubmittingRequests.Submitted submitted = submitting.submit(new Submission(request.getCitizenSubject(),
                    request.getPhone().isBlank() ? null : request.getPhone(), request.getIdempotencyKey(), serviceId,
                    answers, channel(request.getChannel()), Language.SW));
            RequestView view = submitted.request();
            response.onNext(SubmitRequestResponse.newBuilder()
                    .setRequestId(view.id().toString())
                    .setTrackingNumber(view.trackingNumber())
                    .setStatus(view.status())
                    .setServiceName(LocalizedText.newBuilder().setSw(view.serviceName().sw()).setEn(view.serviceName().en()))
                    .setAgencyCode(view.agencyCode())
                    .setDueDate(view.dueDate().toString())
                    .setOnTime(view.onTime())
                    .build());
            response.onCompleted();
        } catch (DomainException | StatusRuntimeException e) {
            response.onError(toStatus(e));
        }
    }

    @Override
    public void listRecentRequests(ListRecentRequestsRequest request, StreamObserver<ListRecentRequestsResponse> response) {
        try {
            allow(recentCallers);
            if (request.getCitizenSubject().isBlank() || request.getLimit() < 0 || request.getLimit() > MAX_RECENT) {
                throw DomainException.invalid("citizen_subject/limit",
                        "citizen_subject is required and limit is at most " + MAX_RECENT);
            }
            int limit = request.getLimit() == 0 ? DEFAULT_RECENT : request.getLimit();
            Page<RequestView> page = reading.mine(new Viewer(request.getCitizenSubject(), Viewer.Kind.CITIZEN, null), 0, limit);
            ListRecentRequestsResponse.Builder answer = ListRecentRequestsResponse.newBuilder();
            for (RequestView view : page.items()) {
                answer.addRequests(RecentRequest.newBuilder()
                        .setTrackingNumber(view.trackingNumber())
                        .setStatus(view.status())
                        .setServiceName(LocalizedText.newBuilder().setSw(view.serviceName().sw()).setEn(view.serviceName().en()))
                        .setAgencyCode(view.agencyCode())
                        .setSubmittedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(view.submittedAt().getEpochSecond()))
                        .setDueDate(view.dueDate().toString()));
            }
            response.onNext(answer.build());
            response.onCompleted();
        } catch (DomainException | StatusRuntimeException e) {
            response.onError(toStatus(e));
        }
    }

    private static void allow(Set<String> clients) {
        String client = GrpcCaller.current().map(GrpcCaller::clientId).orElse(null);
        if (client == null || !clients.contains(client)) {
            throw Status.PERMISSION_DENIED.withDescription("this rpc is not open to " + client).asRuntimeException();
        }
    }

    private static Channel channel(io.huduma.contracts.common.v1.Channel channel) {
        return switch (channel) {
            case CHANNEL_WEB -> Channel.WEB;
            case CHANNEL_MOBILE -> Channel.MOBILE;
            case CHANNEL_SMS -> Channel.SMS;
            default -> Channel.USSD;
        };
    }

    static StatusRuntimeException toStatus(RuntimeException e) {
        if (e instanceof StatusRuntimeException status) {
            return status;
        }
        DomainException refusal = (DomainException) e;
        String errors = refusal.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        String description = refusal.getMessage() + (errors.isEmpty() ? "" : " [" + errors + "]");
        Status status = switch (refusal.kind()) {
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.ALREADY_EXISTS;
            case NOT_ALLOWED -> Status.PERMISSION_DENIED;
            case INVALID -> Status.INVALID_ARGUMENT;
            case UNPROCESSABLE -> refusal.errors().stream().anyMatch(f -> f.field().equals("Idempotency-Key"))
                    ? Status.ALREADY_EXISTS
                    : refusal.errors().stream().anyMatch(f -> f.field().equals("/serviceId"))
                    ? Status.FAILED_PRECONDITION : Status.INVALID_ARGUMENT;
            case STALE -> Status.ABORTED;
            case TOO_MANY -> Status.RESOURCE_EXHAUSTED;
            case UNAVAILABLE -> Status.UNAVAILABLE;
        };
        return status.withDescription(description).asRuntimeException();
    }

    private static Set<String> split(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
