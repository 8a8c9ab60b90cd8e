package io.huduma.requests.request;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.huduma.requests.catalog.PublishedServices;
import io.huduma.platform.language.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo requests for the local stack ({@code huduma.requests.demo-data.enabled}, profile {@code local}):
 * once the demo catalogue has arrived, citizen.amina and citizen.juma get requests in different
 * states, made through the real use cases, so a new user sees a queue and a timeline at once. Fixed
 * idempotency keys make a restart add nothing. The demo users' subjects come from their tokens (the
 * demo password is known only to the local stack).
 */
@Component
@ConditionalOnProperty(name = "huduma.requests.demo-data.enabled", havingValue = "true")
class DemoRequests {

    private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);

    private final SubmittingRequests submitting;
    private final ProcessingRequests processing;
    private final PublishedServices services;
    private final JsonMapper json;
    private final String tokenUri;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoRequests(SubmittingRequests submitting, ProcessingRequests processing, PublishedServices services, JsonMapper json,
                 @Value("${huduma.keycloak.url}") String keycloak,
                 @Value("${huduma.requests.demo-data.password:Huduma#2026}") String password) {
        this.submitting = submitting;
        this.processing = processing;
        this.services = services;
        this.json = json;
        this.tokenUri = keycloak + "/realms/huduma/protocol/openid-connect/token";
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        Thread loader = new Thread(() -> {
            for (int attempt = 0; attempt < 60; attempt++) {
                try {
                    if (tryLoad()) {
                        return;
                    }
                } catch (RuntimeException e) {
                    log.info("Demo requests not loaded yet: {}", e.getMessage());
                }
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            log.warn("Demo requests not loaded: the demo catalogue never arrived");
        }, "demo-requests");
        loader.setDaemon(true);
        loader.start();
    }

    private boolean tryLoad() {
        Optional<UUID> businessName = services.findByName("brela", "business name registration");
        Optional<UUID> birth = services.findByName("rita", "birth");
        if (businessName.isEmpty() || birth.isEmpty()) {
            return false;
        }
        String amina = subject("citizen.amina");
        String juma = subject("citizen.juma");
        Viewer brela = new Viewer(subject("officer.brela"), Viewer.Kind.OFFICER, "brela");
        Viewer rita = new Viewer(subject("officer.rita"), Viewer.Kind.OFFICER, "rita");
        JsonNode business = json.readTree("""
                {"businessName":"Amina Vitenge na Mitindo","activity":"Uuzaji wa vitenge na ushonaji",
                 "ownerNin":"19900412123450000123","region":"dar-es-salaam"}""");
        JsonNode child = json.readTree("""
                {"childName":"Baraka Juma Mwinyi","dateOfBirth":"2026-10-02","placeOfBirth":"Hospitali ya Mwananyamala",
                 "sex":"male","motherName":"Zawadi Ali"}""");

        submit(amina, "demo-amina-1", businessName.get(), business);
        RequestView waiting = submit(amina, "demo-amina-2", businessName.get(), business);
        if (waiting.status().equals("SUBMITTED")) {
            RequestView read = processing.changeStatus(waiting.id(), brela, waiting.etag(), RequestStatus.IN_REVIEW, null, false, null);
            processing.changeStatus(read.id(), brela, read.etag(), RequestStatus.NEEDS_INFO,
                    "Tafadhali eleza shughuli ya biashara kwa kina zaidi", true, null);
        }
        RequestView decided = submit(juma, "demo-juma-1", birth.get(), child);
        if (decided.status().equals("SUBMITTED")) {
            RequestView read = processing.changeStatus(decided.id(), rita, decided.etag(), RequestStatus.IN_REVIEW, null, false, null);
            RequestView approved = processing.changeStatus(read.id(), rita, read.etag(), RequestStatus.APPROVED,
                    "Cheti kiko tayari kuchukuliwa", true, null);
            processing.changeStatus(approved.id(), rita, approved.etag(), RequestStatus.COMPLETED, null, false,
                    "RITA-BC-2026-004211");
        }
        submit(juma, "demo-juma-2", businessName.get(), business);
        log.info("Demo requests loaded for citizen.amina and citizen.juma");
        return true;
    }

    /** The request as it stands now (a replayed key answers with the first response, so re-read it). */
    private RequestView submit(String citizen, String key, UUID service, JsonNode answers) {
        RequestView first = submitting.submit(new Submission(citizen, null, key, service, answers, Channel.WEB, Language.SW)).request();
        return processing.current(first.id());
    }

    private String subject(String username) {
        String form = "grant_type=password&client_id=huduma-cli&username=" + enc(username) + "&password=" + enc(password);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUri))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + username + ": " + response.statusCode());
            }
            String token = json.readTree(response.body()).path("access_token").asString();
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            return json.readTree(payload).path("sub").asString();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
