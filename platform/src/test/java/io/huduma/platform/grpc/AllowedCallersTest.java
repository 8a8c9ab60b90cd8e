package io.huduma.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AllowedCallersTest {

    private final AllowedCallers allowed = new AllowedCallers(Map.of(
            "huduma.identity.v1.IdentityService/GetContact", List.of("svc-notifications-service", "svc-requests-service"),
            "huduma.catalog.v1.CatalogService/*", List.of("svc-gateway")));

    @Test
    void aListedMethodAcceptsOnlyItsClients() {
        assertThat(allowed.allows("huduma.identity.v1.IdentityService/GetContact", "svc-notifications-service")).isTrue();
        assertThat(allowed.allows("huduma.identity.v1.IdentityService/GetContact", "svc-gateway")).isFalse();
        assertThat(allowed.allows("huduma.catalog.v1.CatalogService/ListAgencyApis", "svc-gateway")).isTrue();
        assertThat(allowed.allows("huduma.catalog.v1.CatalogService/ListAgencyApis", "svc-identity")).isFalse();
    }

    @Test
    void anUnlistedMethodIsRefusedOnceAnyIsListed() {
        assertThat(allowed.allows("huduma.identity.v1.IdentityService/DeleteEverything", "svc-notifications-service")).isFalse();
    }

    @Test
    void withoutAListOnlyTheServiceTokenCounts() {
        assertThat(new AllowedCallers(Map.of()).allows("any/Method", "svc-anyone")).isTrue();
        assertThat(new AllowedCallers(null).configured()).isFalse();
    }
}
