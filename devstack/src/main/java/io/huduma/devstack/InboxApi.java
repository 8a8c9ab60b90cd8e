package io.huduma.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The devstack's one small HTTP API: what the SMTP server, the SMSC and the HTTP SMS provider received
 * (JSON for tests, a page at {@code /} for people), the HTTP SMS provider's own send API, and switches
 * that make the simulators fail on purpose.
 *
 * <pre>
 * GET    /mail[?to=]               received mails        DELETE /mail       clears them
 * GET    /sms[?destination=]       SMSC messages         DELETE /sms        clears them
 * GET    /sms-http[?to=]           HTTP provider messages DELETE /sms-http  clears them
 * POST   /sms-http/send            the provider's send API (Authorization: Bearer any-key)
 * POST   /sms/reject-next?count=N  the SMSC refuses the next N submit_sm (ESME_RSYSERR)
 * POST   /sms/inbound              a handset writes to a short code: {"from","to","text","systemId"?,"times"?}
 *                                  goes as a deliver_sm to the newest bound receiver/transceiver
 * GET    /sms/inbound[?from=]      mobile-originated messages handed over, with each attempt's answer
 * POST   /sms-http/fail-next?count=N&amp;status=503  the provider fails the next N sends
 * DELETE /                         clears everything
 * GET    /health                   200 when up
 * POST   /faults/kafka/stop|start, /faults/postgres/restart, /faults/keycloak/stop|start
 *                                  local mode only (404 otherwise): the fault-injection run's switches ({@link Faults})
 * </pre>
 */
final class InboxApi implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final MailServer mail;
    private final SmscSimulator smsc;
    private final HttpSmsProvider provider;
    private final JsonMapper json;
    /** The fault switches of the local stack; null (404) in test mode. */
    private volatile Faults faults;

    private InboxApi(HttpServer server, ExecutorService executor, MailServer mail, SmscSimulator smsc,
                     HttpSmsProvider provider, JsonMapper json) {
        this.server = server;
        this.executor = executor;
        this.mail = mail;
        this.smsc = smsc;
        this.provider = provider;
        this.json = json;
    }

    static InboxApi start(int port, MailServer mail, SmscSimulator smsc, HttpSmsProvider provider, JsonMapper json)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "inbox-api");
            thread.setDaemon(true);
            return thread;
        });
        InboxApi api = new InboxApi(server, executor, mail, smsc, provider, json);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code POST /faults/...} from now on (the local stack, once its components run). */
    void enableFaults(Faults switches) {
        this.faults = switches;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.startsWith("/faults/")) {
                fault(exchange, method, path.substring("/faults/".length()));
                return;
            }
            switch (method + " " + path) {
                case "GET /", "GET /index.html" -> html(exchange, InboxPage.render(mail.messages(), smsc.messages(),
                        provider.messages(), smsc.inbound()));
                case "GET /health" -> json(exchange, 200, Map.of("status", "UP"));
                case "GET /mail" -> json(exchange, 200, filter(mail.messages(), query.get("to"), MailServer.Mail::to));
                case "DELETE /mail" -> {
                    mail.clear();
                    empty(exchange);
                }
                case "GET /sms" -> json(exchange, 200, filter(smsc.messages(), query.get("destination"),
                        s -> List.of(s.destination())));
                case "DELETE /sms" -> {
                    smsc.clear();
                    empty(exchange);
                }
                case "POST /sms/inbound" -> inbound(exchange);
                case "GET /sms/inbound" -> json(exchange, 200, filter(smsc.inbound(), query.get("from"),
                        s -> List.of(s.source())));
                case "POST /sms/reject-next" -> {
                    smsc.rejectNext(intParam(query, "count", 1));
                    empty(exchange);
                }
                case "GET /sms-http" -> json(exchange, 200, filter(provider.messages(), query.get("to"),
                        s -> List.of(s.to())));
                case "DELETE /sms-http" -> {
                    provider.clear();
                    empty(exchange);
                }
                case "POST /sms-http/send" -> send(exchange);
                case "POST /sms-http/fail-next" -> {
                    provider.failNext(intParam(query, "count", 1), intParam(query, "status", 503));
                    empty(exchange);
                }
                case "DELETE /" -> {
                    mail.clear();
                    smsc.clear();
                    provider.clear();
                    empty(exchange);
                }
                default -> json(exchange, knownPath(path) ? 405 : 404, Map.of("error", method + " " + path + " is not here"));
            }
        } catch (NumberFormatException e) {
            json(exchange, 400, Map.of("error", "bad number: " + e.getMessage()));
        }
    }

    /** {@code POST /faults/<target>/<action>}: 200 with what was done; 404 in test mode or for an unknown switch. */
    private void fault(HttpExchange exchange, String method, String name) throws IOException {
        Faults switches = faults;
        if (switches == null) {
            json(exchange, 404, Map.of("error", "fault injection is only available in local mode"));
            return;
        }
        if (!"POST".equals(method)) {
            json(exchange, Faults.SWITCHES.contains(name) ? 405 : 404, Map.of("error", method + " /faults/" + name + " is not here"));
            return;
        }
        try {
            json(exchange, 200, switches.apply(name));
        } catch (Faults.Unknown e) {
            json(exchange, 404, Map.of("error", e.getMessage()));
        } catch (Exception e) {
            json(exchange, 500, Map.of("error", name + " failed: " + e));
        }
    }

    /** A mobile-originated SMS: 200 with what each deliver_sm got back, 400 for a bad body, 409 with no receiver bound. */
    private void inbound(HttpExchange exchange) throws IOException {
        Map<String, Object> request = jsonObject(exchange);
        if (request == null) {
            return;
        }
        String from = text(request, "from");
        String to = text(request, "to");
        String text = text(request, "text");
        String systemId = text(request, "systemId");
        Object times = request.getOrDefault("times", 1);
        if (from == null || !from.matches("\\+?[1-9][0-9]{6,14}")) {
            json(exchange, 400, Map.of("error", "'from' must be a phone number such as +255712345678"));
            return;
        }
        if (to == null || to.isBlank() || to.length() > 20) {
            json(exchange, 400, Map.of("error", "'to' (the short code written to, e.g. 15555) is required"));
            return;
        }
        if (text == null || text.isEmpty() || text.length() > 1000) {
            json(exchange, 400, Map.of("error", "'text' is required (at most 1000 characters)"));
            return;
        }
        if (!(times instanceof Integer count) || count < 1 || count > 5) {
            json(exchange, 400, Map.of("error", "'times' must be a number from 1 to 5"));
            return;
        }
        try {
            json(exchange, 200, smsc.deliverInbound(from, to, text, systemId, count));
        } catch (SmscSimulator.NoReceiver e) {
            json(exchange, 409, Map.of("error", e.getMessage()));
        }
    }

    private static String text(Map<String, Object> request, String name) {
        return request.get(name) instanceof String value ? value : null;
    }

    /** The request body as a JSON object (empty for {@code null}); null after answering 400 when it is not one. */
    private Map<String, Object> jsonObject(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            Map<String, Object> request = json.readValue(body, new TypeReference<Map<String, Object>>() { });
            return request == null ? Map.of() : request;
        } catch (JacksonException e) {
            json(exchange, 400, Map.of("error", "the body must be a JSON object"));
            return null;
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        Map<String, Object> request = jsonObject(exchange);
        if (request == null) {
            return;
        }
        HttpSmsProvider.Reply reply = provider.send(exchange.getRequestHeaders().getFirst("Authorization"), request);
        json(exchange, reply.status(), reply.body());
    }

    private static <T> List<T> filter(List<T> items, String wanted, Function<T, List<String>> addresses) {
        if (wanted == null || wanted.isBlank()) {
            return items;
        }
        return items.stream().filter(item -> addresses.apply(item).stream()
                .anyMatch(a -> a != null && a.contains(wanted))).toList();
    }

    private static boolean knownPath(String path) {
        return List.of("/", "/mail", "/sms", "/sms-http", "/sms-http/send", "/sms/reject-next", "/sms/inbound",
                "/sms-http/fail-next", "/health").contains(path);
    }

    private static int intParam(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private void json(HttpExchange exchange, int status, Object body) throws IOException {
        write(exchange, status, "application/json", json.writeValueAsBytes(Objects.requireNonNull(body)));
    }

    private static void html(HttpExchange exchange, String page) throws IOException {
        write(exchange, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void empty(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
    }

    private static void write(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
