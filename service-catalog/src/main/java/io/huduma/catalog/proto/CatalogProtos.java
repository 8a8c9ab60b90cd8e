package io.huduma.catalog.proto;

import io.huduma.catalog.agency.Agency;
import io.huduma.catalog.agency.AgencyStatus;
import io.huduma.catalog.agencyapi.AgencyApi;
import io.huduma.catalog.language.LocalizedText;
import io.huduma.catalog.service.Channel;
import io.huduma.catalog.service.Fee;
import io.huduma.catalog.service.ServiceContent;
import io.huduma.catalog.service.ServiceStatus;
import io.huduma.catalog.service.ServiceVersion;
import io.huduma.contracts.catalog.v1.AccessPolicy;
import io.huduma.contracts.catalog.v1.AgencyApiStatus;
import io.huduma.contracts.common.v1.Money;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where the catalogue's model becomes the generated types of {@code contracts}
 * (for the gRPC API and the Kafka events): the model itself knows nothing of protobuf.
 */
public final class CatalogProtos {

    private CatalogProtos() {
    }

    public static io.huduma.contracts.common.v1.LocalizedText text(LocalizedText text) {
        return io.huduma.contracts.common.v1.LocalizedText.newBuilder().setSw(text.sw()).setEn(text.en()).build();
    }

    public static io.huduma.contracts.common.v1.Channel channel(Channel channel) {
        return switch (channel) {
            case WEB -> io.huduma.contracts.common.v1.Channel.CHANNEL_WEB;
            case MOBILE -> io.huduma.contracts.common.v1.Channel.CHANNEL_MOBILE;
            case SMS -> io.huduma.contracts.common.v1.Channel.CHANNEL_SMS;
            case USSD -> io.huduma.contracts.common.v1.Channel.CHANNEL_USSD;
        };
    }

    public static Money fee(Fee fee) {
        return Money.newBuilder().setAmountMinor(fee.amountMinor()).setCurrency(fee.currency()).build();
    }

    public static io.huduma.contracts.catalog.v1.Agency agency(Agency agency) {
        io.huduma.contracts.catalog.v1.Agency.Builder builder = io.huduma.contracts.catalog.v1.Agency.newBuilder()
                .setCode(agency.code())
                .setName(text(agency.name()))
                .setStatus(agency.status() == AgencyStatus.ACTIVE
                        ? io.huduma.contracts.catalog.v1.AgencyStatus.AGENCY_STATUS_ACTIVE
                        : io.huduma.contracts.catalog.v1.AgencyStatus.AGENCY_STATUS_SUSPENDED)
                .setContactEmail(agency.contactEmail())
                .setContactPhone(agency.contactPhone());
        if (agency.website() != null) {
            builder.setWebsite(agency.website());
        }
        return builder.build();
    }

    public static io.huduma.contracts.catalog.v1.AgencyApi agencyApi(AgencyApi api) {
        return io.huduma.contracts.catalog.v1.AgencyApi.newBuilder()
                .setId(api.id().toString())
                .setAgencyCode(api.agencyCode())
                .setName(api.name())
                .setUpstream(api.upstream())
                .setAccessPolicy(switch (api.accessPolicy()) {
                    case PUBLIC -> AccessPolicy.ACCESS_POLICY_PUBLIC;
                    case CITIZEN -> AccessPolicy.ACCESS_POLICY_CITIZEN;
                    case AGENCY_STAFF -> AccessPolicy.ACCESS_POLICY_AGENCY_STAFF;
                    case CLIENT_SCOPES -> AccessPolicy.ACCESS_POLICY_CLIENT_SCOPES;
                })
                .addAllRequiredScopes(api.requiredScopes())
                .setRateLimitPerMinute(api.rateLimitPerMinute())
                .setTimeoutMillis(api.timeoutMillis())
                .setStatus(api.status() == AgencyApi.Status.ACTIVE
                        ? AgencyApiStatus.AGENCY_API_STATUS_ACTIVE
                        : AgencyApiStatus.AGENCY_API_STATUS_SUSPENDED)
                .setPublicPath(api.publicPath())
                .build();
    }

    /** A published version as the other services read it, its form schema as JSON text. */
    public static io.huduma.contracts.catalog.v1.ServiceVersion serviceVersion(ServiceVersion version, JsonMapper json) {
        ServiceContent content = version.content();
        io.huduma.contracts.catalog.v1.ServiceVersion.Builder builder = io.huduma.contracts.catalog.v1.ServiceVersion.newBuilder()
                .setServiceId(version.serviceId().toString())
                .setVersion(version.version())
                .setAgencyCode(version.agencyCode())
                .setSlug(version.slug())
                .setName(text(content.name()))
                .setSlaWorkingDays(content.slaWorkingDays())
                .setCategory(content.category())
                .setStatus(version.serviceStatus() == ServiceStatus.RETIRED
                        ? io.huduma.contracts.catalog.v1.ServiceStatus.SERVICE_STATUS_RETIRED
                        : io.huduma.contracts.catalog.v1.ServiceStatus.SERVICE_STATUS_PUBLISHED);
        if (content.formSchema() != null) {
            builder.setFormSchemaJson(json.writeValueAsString(content.formSchema()));
        }
        if (content.fee() != null) {
            builder.setFee(fee(content.fee()));
        }
        content.channels().stream().sorted().map(CatalogProtos::channel).forEach(builder::addChannels);
        return builder.build();
    }
}
