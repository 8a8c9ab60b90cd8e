package io.huduma.devstack.chaos;

import io.huduma.devstack.StackFacts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault-injection run of docs/reliability.md ({@code ./huduma chaos}), against the running local stack:
 * signs up a few citizens with phones, then drives a steady stream of submissions (each with an
 * {@code Idempotency-Key}, retried with the same key when no answer comes) and officer.brela's status changes
 * (IN_REVIEW, then APPROVED) through the gateway while, one after the other with a quiet period between, the
 * Kafka broker is stopped and started again, notifications-service is SIGKILLed and started again, PostgreSQL
 * restarts and Keycloak stops answering for a minute. Then it waits for the stragglers and prints, per fault,
 * what was acknowledged, published on the requests topic and received at the SMSC, what was lost or
 * duplicated, and how long until the first submission and the first SMS after the fault. Timings are printed,
 * never asserted.
 *
 * <p>{@code java -Dhuduma.root=<repository> io.huduma.devstack.chaos.ChaosRun [--citizens 3] [--interval 1]
 * [--quiet 45] [--kafka-down 20] [--keycloak-down 60] [--drain 300]} (seconds).
 */
public final class ChaosRun {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String SERVICE_SLUG = "business-licence";

    private final Map<String, String> options;
    private final Path root;
    private final StackFacts facts;
    private final PlatformClient client;
    private final Map<String, String> infra;
    private final Ledger ledger = new Ledger();
    private final BlockingQueue<Submitted> toReview = new LinkedBlockingQueue<>();
    private final AtomicBoolean submitting = new AtomicBoolean(true);
    private final AtomicBoolean reviewing = new AtomicBoolean(true);
    private final Instant begin = Instant.now();
    private final List<String> phases = new ArrayList<>();

    /** A citizen of this run: phone, password and the current token. */
    private final class Citizen {
        final String phone;
        final String password;
        final Token token;

        Citizen(String phone, String password, String firstToken) {
            this.phone = phone;
            this.password = password;
            this.token = new Token(phone, password, firstToken);
        }
    }

    /** A token fetched again after two minutes; while Keycloak does not answer, the last one is used. */
    private final class Token {
        private final String username;
        private final String password;
        private volatile String value;
        private volatile Instant fetched = Instant.now();
        private volatile Instant lastTry = Instant.now();

        Token(String username, String password, String first) {
            this.username = username;
            this.password = password;
            this.value = first;
        }

        String get() {
            Instant now = Instant.now();
            if (now.isAfter(fetched.plusSeconds(120)) && now.isAfter(lastTry.plusSeconds(10))) {
                lastTry = now;
                client.token(username, password).ifPresent(fresh -> {
                    value = fresh;
                    fetched = Instant.now();
                });
            }
            return value;
        }
    }

    private record Submitted(String id, String trackingNumber) {
    }

    private ChaosRun(Map<String, String> options, Path root) throws IOException {
        this.options = options;
        this.root = root;
        this.facts = StackFacts.load(root);
        this.infra = infraEnv(root.resolve(".huduma/run/infra.env"));
        if (!"local".equals(infra.get("HUDUMA_MODE"))) {
            throw new IllegalStateException("the running stack is in " + infra.get("HUDUMA_MODE")
                    + " mode: the fault-injection run needs the local stack (./huduma up)");
        }
        this.client = new PlatformClient(options.getOrDefault("gateway", "http://localhost:" + facts.port("gateway")),
                infra.get("HUDUMA_KEYCLOAK_URL"), infra.get("HUDUMA_INBOX_URL"), Duration.ofSeconds(20));
    }

    public static void main(String[] args) throws Exception {
        // before the first logger: the Kafka client's reconnect warnings while the broker is down are expected
        System.setProperty("logback.configurationFile", "chaos-logback.xml");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                System.err.println("usage: ChaosRun [--citizens N] [--interval S] [--quiet S] [--kafka-down S] "
                        + "[--keycloak-down S] [--drain S] [--gateway URL]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        ChaosRun run = new ChaosRun(options, StackFacts.root());
        System.exit(run.run() ? 0 : 1);
    }

    private long seconds(String name, long fallback) {
        return Long.parseLong(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private boolean run() throws Exception {
        say("Fault-injection run on " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + loadAverage() + ", " + begin.truncatedTo(ChronoUnit.SECONDS));
        if (client.inbox("GET", "/faults/kafka/stop").status() != 405) {
            throw new IllegalStateException("the devstack has no fault switches (started by an older devstack?): "
                    + "./huduma down, then ./huduma chaos");
        }
        String serviceId = businessLicence();
        Token officer = new Token("officer.brela", facts.demoPassword(),
                client.token("officer.brela", facts.demoPassword()).orElseThrow(
                        () -> new IllegalStateException("officer.brela cannot sign in")));
        int count = (int) seconds("citizens", 3);
        List<Citizen> citizens = new ArrayList<>();
        Set<String> subjects = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < count; i++) {
            Citizen citizen = signUp(i);
            citizens.add(citizen);
            subjects.add(PlatformClient.subject(citizen.token.get()));
        }
        say("Signed up " + count + " citizens with phones: "
                + String.join(", ", citizens.stream().map(c -> c.phone).toList()));

        List<Thread> workers = new ArrayList<>();
        try (RequestEvents events = new RequestEvents(infra.get("HUDUMA_KAFKA_BOOTSTRAP"), ledger, subjects)) {
            events.start();
            long pace = seconds("interval", 1) * 1000 * count;
            for (int i = 0; i < citizens.size(); i++) {
                Citizen citizen = citizens.get(i);
                long offset = seconds("interval", 1) * 1000 * i;
                workers.add(worker("citizen-" + i, () -> submitLoop(citizen, serviceId, pace, offset)));
            }
            for (int i = 0; i < 2; i++) {
                workers.add(worker("officer-" + i, () -> reviewLoop(officer)));
            }
            Thread progress = worker("progress", this::progressLoop);

            long quiet = seconds("quiet", 45);
            phase("no fault", Instant.now(), null);
            sleep(Duration.ofSeconds(quiet));
            injectFaults(quiet);

            say("Load stops; waiting for the officer's queue (" + toReview.size() + ") and the stragglers");
            submitting.set(false);
            awaitQuietQueue(Duration.ofSeconds(120));
            reviewing.set(false);
            for (Thread worker : workers) {
                worker.join(30_000);
            }
            Instant end = Instant.now();
            drain(Duration.ofSeconds(seconds("drain", 300)));
            progress.interrupt();
            Ledger.Report report = ledger.report(end);
            printReport(report);
            return report.total().lost() == 0 && report.total().duplicated() == 0;
        } finally {
            submitting.set(false);
            reviewing.set(false);
        }
    }

    private void injectFaults(long quiet) throws Exception {
        long kafkaDown = seconds("kafka-down", 20);
        Instant start = Instant.now();
        fault("kafka/stop");
        sleep(Duration.ofSeconds(kafkaDown));
        fault("kafka/start");
        endPhase("Kafka broker down " + kafkaDown + " s", start, quiet);

        start = Instant.now();
        long pid = new ServiceProcess(root, "notifications-service").killAndStart();
        say("notifications-service SIGKILLed and started again (pid " + pid + ")");
        Instant restarted = Instant.now();
        phase("notifications-service SIGKILL", start, restarted);
        awaitHealthy("notifications-service", Duration.ofSeconds(300));
        sleep(Duration.ofSeconds(quiet));

        start = Instant.now();
        fault("postgres/restart");
        endPhase("PostgreSQL restart", start, quiet);

        long keycloakDown = seconds("keycloak-down", 60);
        start = Instant.now();
        fault("keycloak/stop");
        sleep(Duration.ofSeconds(keycloakDown));
        fault("keycloak/start");
        endPhase("Keycloak down " + keycloakDown + " s", start, quiet);
    }

    private void endPhase(String name, Instant start, long quiet) {
        phase(name, start, Instant.now());
        say(name + ": over; quiet for " + quiet + " s");
        sleep(Duration.ofSeconds(quiet));
    }

    private void phase(String name, Instant start, Instant faultEnd) {
        ledger.phase(new Ledger.Phase(name, start, faultEnd));
        phases.add(name + " " + time(start) + (faultEnd == null ? "" : " to " + time(faultEnd)));
    }

    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString().substring(11);
    }

    private void fault(String name) {
        PlatformClient.Reply reply = client.inbox("POST", "/faults/" + name);
        if (!reply.ok()) {
            throw new IllegalStateException("fault " + name + " failed: " + reply);
        }
        say("fault " + name + " (" + reply.body().path("tookMillis").asLong() + " ms)");
    }

    private String businessLicence() {
        PlatformClient.Reply found = client.gateway("GET", "/api/v1/services?agency=brela&q=business%20licence",
                null, Map.of(), null);
        for (JsonNode item : found.body().path("items")) {
            if (SERVICE_SLUG.equals(item.path("slug").asString())) {
                return item.path("id").asString();
            }
        }
        throw new IllegalStateException("BRELA's " + SERVICE_SLUG + " not found through the gateway: " + found);
    }

    /**
     * A new citizen with a phone, as the e2e journey signs one up: the code comes back through the SMSC. A stack
     * that has just started may not route the code yet (503): then another number, a little later.
     */
    private Citizen signUp(int n) {
        Instant giveUp = Instant.now().plusSeconds(120);
        while (true) {
            String phone = "+255754" + digits(6);
            String password = "Chaos-" + digits(6) + "-Run!";
            ObjectNode body = PlatformClient.JSON.createObjectNode().put("phoneNumber", phone)
                    .put("fullName", "Chaos Citizen " + (n + 1)).put("password", password).put("language", "en");
            PlatformClient.Reply started = client.gateway("POST", "/api/v1/identity/registrations", null, Map.of(), body);
            if (started.status() == 201) {
                return verify(phone, password, started.body().path("id").asString());
            }
            if (!started.transientFailure() || Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("sign-up of " + phone + " refused: " + started);
            }
            say("sign-up of " + phone + " answered " + started.status() + "; trying again in 5 s");
            sleep(Duration.ofSeconds(5));
        }
    }

    private Citizen verify(String phone, String password, String registration) {
        String code = awaitCode(phone.substring(1), Duration.ofSeconds(60));
        PlatformClient.Reply verified = client.gateway("POST", "/api/v1/identity/registrations/"
                + registration + "/verification", null, Map.of(), Map.of("code", code));
        if (verified.status() != 201) {
            throw new IllegalStateException("verification of " + phone + " refused: " + verified);
        }
        String token = client.token(phone, password).orElseThrow(
                () -> new IllegalStateException(phone + " cannot sign in after verification"));
        return new Citizen(phone, password, token);
    }

    private String awaitCode(String digits, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode sms : client.inbox("GET", "/sms?destination=" + digits).body()) {
                Matcher code = CODE.matcher(sms.path("text").asString());
                if (code.find()) {
                    return code.group(1);
                }
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("no code SMS for +" + digits + " within " + patience);
    }

    private void submitLoop(Citizen citizen, String serviceId, long paceMillis, long offsetMillis) {
        sleep(Duration.ofMillis(offsetMillis));
        while (submitting.get()) {
            long started = System.nanoTime();
            submit(citizen, serviceId);
            long left = paceMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (left > 0) {
                sleep(Duration.ofMillis(left));
            }
        }
    }

    /** One application; no answer or a 5xx: the same again with the same key, for up to a minute. */
    private void submit(Citizen citizen, String serviceId) {
        String key = UUID.randomUUID().toString();
        ObjectNode application = PlatformClient.JSON.createObjectNode().put("serviceId", serviceId).put("channel", "web");
        application.putObject("answers").put("registrationNumber", "BN-" + digits(6)).put("tin", digits(9))
                .put("premisesAddress", "Mtaa wa Samora, Dar es Salaam");
        Instant giveUp = Instant.now().plusSeconds(60);
        while (true) {
            PlatformClient.Reply reply = client.gateway("POST", "/api/v1/requests", citizen.token.get(),
                    Map.of("Idempotency-Key", key), application);
            if (reply.ok()) {
                String id = reply.body().path("id").asString();
                String tracking = reply.body().path("trackingNumber").asString();
                ledger.acknowledged(new Ledger.Step(id, tracking, "SUBMITTED", Instant.now()));
                toReview.add(new Submitted(id, tracking));
                return;
            }
            if (!reply.transientFailure() || Instant.now().isAfter(giveUp) || !submitting.get()) {
                ledger.failed(Instant.now());
                say("submission by " + citizen.phone + " not acknowledged: " + reply);
                return;
            }
            ledger.retried(Instant.now());
            sleep(Duration.ofSeconds(1));
        }
    }

    private void reviewLoop(Token officer) {
        while (reviewing.get()) {
            Submitted request;
            try {
                request = toReview.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (request != null && move(officer, request, "IN_REVIEW")) {
                move(officer, request, "APPROVED");
            }
        }
    }

    /**
     * officer.brela moves the request (If-Match the ETag just read); no answer, a 5xx or a 412: read it again
     * and, unless it has the new status already (the change went through, its answer was lost), try again.
     */
    private boolean move(Token officer, Submitted request, String to) {
        Instant giveUp = Instant.now().plusSeconds(60);
        PlatformClient.Reply last = null;
        while (Instant.now().isBefore(giveUp)) {
            PlatformClient.Reply seen = client.gateway("GET", "/api/v1/requests/" + request.id(), officer.get(),
                    Map.of(), null);
            if (seen.ok() && to.equals(seen.body().path("status").asString()) && last != null) {
                ledger.acknowledged(new Ledger.Step(request.id(), request.trackingNumber(), to, Instant.now()));
                return true;
            }
            if (seen.ok() && seen.etag().isPresent()) {
                ObjectNode change = PlatformClient.JSON.createObjectNode().put("to", to).put("visibleToCitizen", false);
                last = client.gateway("POST", "/api/v1/requests/" + request.id() + "/status-changes", officer.get(),
                        Map.of("If-Match", seen.etag().get()), change);
                if (last.ok()) {
                    ledger.acknowledged(new Ledger.Step(request.id(), request.trackingNumber(), to, Instant.now()));
                    return true;
                }
                if (!last.transientFailure() && last.status() != 412) {
                    break;
                }
            } else {
                last = seen;
            }
            ledger.retried(Instant.now());
            sleep(Duration.ofSeconds(1));
        }
        ledger.failed(Instant.now());
        say("moving " + request.trackingNumber() + " to " + to + " not acknowledged: " + last);
        return false;
    }

    private void awaitQuietQueue(Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (!toReview.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofSeconds(1));
        }
        // the last ones taken are being moved
        sleep(Duration.ofSeconds(5));
    }

    /**
     * Reads the SMSC until every acknowledged step has its SMS (then once more 30 s later), nothing new came
     * for 90 s, or patience ends.
     */
    private void drain(Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        Instant lastChange = Instant.now();
        int waiting = Integer.MAX_VALUE;
        while (Instant.now().isBefore(deadline)) {
            readSms();
            int now = ledger.awaitingSms();
            if (now == 0) {
                // a copy sent again after a failed attempt comes seconds later: give it the time to show
                say("every acknowledged step has its SMS; reading the SMSC once more in 30 s for late copies");
                sleep(Duration.ofSeconds(30));
                readSms();
                return;
            }
            if (now < waiting) {
                waiting = now;
                lastChange = Instant.now();
            } else if (Instant.now().isAfter(lastChange.plusSeconds(90))) {
                say(now + " step(s) still without an SMS after 90 s without progress; counting them as lost");
                return;
            }
            sleep(Duration.ofSeconds(5));
        }
    }

    private void readSms() {
        PlatformClient.Reply reply = client.inbox("GET", "/sms");
        if (!reply.ok()) {
            return;
        }
        List<Ledger.Sms> received = new ArrayList<>();
        for (JsonNode sms : reply.body()) {
            JsonNode at = sms.path("receivedAt");
            Instant receivedAt = at.isNumber()
                    ? Instant.ofEpochMilli(Math.round(at.asDouble() * 1000)) : Instant.parse(at.asString());
            Ledger.Sms read = Ledger.read(sms.path("text").asString(), receivedAt);
            if (read != null) {
                received.add(read);
            }
        }
        ledger.sms(received);
    }

    private void progressLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException e) {
                return;
            }
            say("acknowledged " + ledger.acknowledgedCount() + ", events read " + ledger.eventCount()
                    + ", waiting for the officer " + toReview.size());
        }
    }

    private void awaitHealthy(String service, Duration patience) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + facts.port(service)
                + "/actuator/health")).timeout(Duration.ofSeconds(5)).build();
        Instant started = Instant.now();
        Instant deadline = started.plus(patience);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    say(service + " healthy again after " + Duration.between(started, Instant.now()).toSeconds() + " s");
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException(service + " not healthy within " + patience + " (.huduma/logs/" + service + ".log)");
    }

    private void printReport(Ledger.Report report) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nFault-injection run, %s, %d cores, load average at the end %s%n%n",
                begin.truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), loadAverage()));
        out.append(Ledger.table(report));
        out.append(String.format("%nacked: 2xx answers (submissions and status changes); retried: calls that got no 2xx "
                + "(no answer, 5xx, 429, a stale ETag) and were made again;%nfailed: steps given up after a minute of "
                + "retries; events: of the acked, the ones "
                + "published on %s; SMS: the ones the SMSC received;%nlost: acked without an event, or with an event "
                + "but no SMS; duplicated: more than one SMS for one step. Recovery is from the fault's end.%n",
                io.huduma.contracts.Topics.REQUESTS));
        out.append(String.format("Events of the run's citizens on the topic without an acknowledged step: %d; "
                + "records published again with an event id already on the topic: %d%n", report.unacknowledgedEvents(),
                report.publishedAgain()));
        out.append("Phases (UTC): ").append(String.join("; ", phases)).append('\n');
        report.lost().forEach(line -> out.append("LOST ").append(line).append('\n'));
        report.duplicated().forEach(line -> out.append("DUPLICATED ").append(line).append('\n'));
        System.out.print(out);
        Path saved = root.resolve(".huduma/logs/chaos-" + begin.truncatedTo(ChronoUnit.SECONDS).toString()
                .replace(":", "") + ".txt");
        Files.writeString(saved, out.toString());
        say("Saved in " + root.relativize(saved));
    }

    private Thread worker(String name, Runnable body) {
        Thread thread = new Thread(body, "chaos-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void say(String line) {
        System.out.printf(Locale.ROOT, "[%4d s] %s%n", Duration.between(begin, Instant.now()).toSeconds(), line);
    }

    private static Map<String, String> infraEnv(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": is the local stack up (./huduma up)?");
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> env = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> env.put(name, properties.getProperty(name)));
        return env;
    }

    private static String loadAverage() {
        try {
            String[] words = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return words[0] + " " + words[1] + " " + words[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String digits(int n) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
