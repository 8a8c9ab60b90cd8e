package io.huduma.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to a service under test on loopback, with or without a bearer token. */
public final class BearerHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BearerHttp() {
    }

    /** GET {@code http://localhost:port/path}, with {@code Authorization: Bearer token} unless token is null. */
    public static HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        // a service that never answers fails the test instead of hanging the build
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(java.time.Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
