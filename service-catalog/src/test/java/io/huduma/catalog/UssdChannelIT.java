package io.huduma.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.huduma.contracts.catalog.v1.Agency;
import io.huduma.contracts.catalog.v1.CatalogServiceGrpc;
import io.huduma.contracts.catalog.v1.ListAgenciesRequest;
import io.huduma.contracts.catalog.v1.ListServicesRequest;
import io.huduma.contracts.catalog.v1.ServiceVersion;
import io.huduma.contracts.common.v1.Channel;
import io.huduma.testkit.JsonHttp;
import io.huduma.testkit.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The USSD channel: forms that fit a basic phone at publication, and the lists ussd-service browses over gRPC. */
class UssdChannelIT extends CatalogIT {

    static ObjectNode aUssdDraft(String schema) {
        ObjectNode draft = aDraft(unique("ussd"), "Huduma ya Simu", "Phone Service");
        draft.set("channels", JsonHttp.JSON.createArrayNode().add("web").add("ussd"));
        draft.set("formSchema", JsonHttp.JSON.readTree(schema));
        return draft;
    }

    /** A stub with ussd-service's token; a new one per call (a stub's deadline runs from its creation). */
    CatalogServiceGrpc.CatalogServiceBlockingStub ussd() {
        return catalog(Tokens.serviceToken("ussd-service"));
    }

    @Test
    void aServiceOpenToUssdWhoseFormDoesNotFitAPhoneIsNotPublished() {
        // the trial draft: a 120-character name and a date
        String id = createDraft(ADMIN_RITA, "rita", aUssdDraft(aDraft(null, "x", "x").get("formSchema").toString()));

        JsonHttp.Response refused = http().post("/api/v1/services/" + id + "/publication", token(ADMIN_RITA), null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(pointers(refused)).containsExactlyInAnyOrder("/formSchema/properties/fullName", "/formSchema/properties/visitDate");
        assertThat(refused.body().toString()).contains("maxLength of at most 60").contains("'date' cannot be typed on USSD");
        assertThat(http().get("/api/v1/services/" + id).status()).as("nothing was published").isEqualTo(404);

        StringBuilder six = new StringBuilder("{\"type\":\"object\",\"properties\":{");
        for (int i = 1; i <= 6; i++) {
            six.append(i > 1 ? "," : "").append("\"f").append(i)
                    .append("\":{\"type\":\"boolean\",\"x-label\":{\"sw\":\"Swali\",\"en\":\"Question\"}}");
        }
        String tooMany = createDraft(ADMIN_RITA, "rita", aUssdDraft(six.append("}}").toString()));
        JsonHttp.Response many = http().post("/api/v1/services/" + tooMany + "/publication", token(ADMIN_RITA), null);
        assertThat(many.status()).isEqualTo(422);
        assertThat(pointers(many)).containsExactly("/formSchema/properties");

        String list = createDraft(ADMIN_RITA, "rita", aUssdDraft("""
                {"type":"object","properties":{"items":{"type":"array","items":{"type":"string","enum":["a"],
                 "x-label":{"sw":"Kitu","en":"Item"}},
                 "x-label":{"sw":"Vitu","en":"Items"}}}}"""));
        JsonHttp.Response array = http().post("/api/v1/services/" + list + "/publication", token(ADMIN_RITA), null);
        assertThat(array.status()).isEqualTo(422);
        assertThat(pointers(array)).containsExactly("/formSchema/properties/items");
    }

    @Test
    void aPhoneSizedFormIsPublishedAndListedForUssd() {
        String id = createDraft(ADMIN_RITA, "rita", aUssdDraft("""
                {"type":"object","required":["entry","copies"],"properties":{
                  "entry":{"type":"string","maxLength":20,"x-label":{"sw":"Namba","en":"Number"}},
                  "copies":{"type":"integer","minimum":1,"maximum":5,"x-label":{"sw":"Nakala","en":"Copies"}},
                  "office":{"type":"string","enum":["dar","dodoma"],"x-label":{"sw":"Ofisi","en":"Office"}},
                  "urgent":{"type":"boolean","x-label":{"sw":"Haraka?","en":"Urgent?"}}}}"""));
        assertThat(http().post("/api/v1/services/" + id + "/publication", token(ADMIN_RITA), null).status()).isEqualTo(201);

        assertThat(ussd().listServices(ListServicesRequest.newBuilder().setAgencyCode("rita").setChannel(Channel.CHANNEL_USSD).build())
                .getServicesList()).extracting(ServiceVersion::getServiceId).contains(id);
    }

    @Test
    void listsTheAgenciesAndServicesOpenToUssdForUssdServiceOnly() {
        assertThat(ussd().listAgencies(ListAgenciesRequest.newBuilder().setChannel(Channel.CHANNEL_USSD).build()).getAgenciesList())
                .extracting(Agency::getCode).contains("ardhi", "brela", "tra").doesNotContain("immigration")
                .isSorted();
        var tra = ussd().listServices(ListServicesRequest.newBuilder().setAgencyCode("tra").setChannel(Channel.CHANNEL_USSD).build())
                .getServicesList();
        assertThat(tra).extracting(ServiceVersion::getSlug).containsExactly("vehicle-tax-balance");
        assertThat(tra.get(0).getChannelsList()).contains(Channel.CHANNEL_USSD);
        assertThat(tra.get(0).getFormSchemaJson()).contains("plateNumber");
        assertThat(ussd().listServices(ListServicesRequest.newBuilder().setAgencyCode("tra").build()).getServicesList())
                .extracting(ServiceVersion::getSlug).contains("vehicle-tax-balance", "driving-licence-renewal", "tin-registration");
        assertThat(ussd().listServices(ListServicesRequest.newBuilder().setAgencyCode("nobody").build()).getServicesList()).isEmpty();

        assertThatThrownBy(() -> catalog(Tokens.serviceToken("requests-service"))
                .listAgencies(ListAgenciesRequest.newBuilder().setChannel(Channel.CHANNEL_USSD).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> catalog(null).listServices(ListServicesRequest.newBuilder().setAgencyCode("tra").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
}
