package io.huduma.devstack.bench;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import io.huduma.contracts.Topics;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.contracts.requests.v1.RequestStatusChanged;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The event-to-SMS benchmark's driver (bench/sms.sh starts notifications-service and identity, then this):
 * creates citizens with phones in the shared Keycloak, waits until the service's consumer group owns every
 * partition of the requests topic, publishes {@code RequestStatusChanged} (IN_REVIEW) envelopes for them at a
 * steady rate, first for a warm-up, then for the measured time, waits for the SMS at the SMSC simulator (and
 * the HTTP SMS provider, the fallback route) and prints the figures ({@link SmsLatency}): events sent, SMS
 * received, lost, duplicated, latency p50/p90/p99/max from the envelope's time to the SMSC's receipt time,
 * the achieved rate, the load average and the CPU per event of the processes named in {@code --cpu}.
 *
 * <pre>java @classpath io.huduma.devstack.bench.SmsLatencyRun --kafka=HOST:PORT --keycloak=URL --inbox=URL
 *     --group=GROUP [--rate=200] [--seconds=60] [--warmup=15] [--citizens=50] [--drain=180]
 *     [--cpu=name:pid,name:pid] [--clock-ticks=100] [--admin-user=admin] [--admin-password=admin]</pre>
 *
 * The last line is machine-readable: {@code BENCH_SMS sent=... received=... lost=... duplicated=... p50=...}.
 * The citizens it created are deleted at the end; it exits 1 when an event was lost or duplicated.
 */
public final class SmsLatencyRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REALM = "huduma";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;
    private final String inbox;
    private final String tag;
    private final Pattern tracking;
    /** subject -> phone of the run's citizens; created: the ones this run made (deleted at the end). */
    private final Map<String, String> citizens = new LinkedHashMap<>();
    private final List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());

    private SmsLatencyRun(Map<String, String> options) {
        this.options = options;
        this.keycloak = strip(required("keycloak"));
        this.inbox = strip(required("inbox"));
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder t = new StringBuilder("B");
        for (int i = 0; i < 5; i++) {
            t.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        this.tag = t.toString();
        this.tracking = SmsLatency.trackingPattern(tag);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int status = new SmsLatencyRun(options).run();
        System.exit(status);
    }

    private int run() throws Exception {
        int rate = number("rate", 200);
        int seconds = number("seconds", 60);
        int warmup = number("warmup", 15);
        int citizenCount = number("citizens", 50);
        Duration drain = Duration.ofSeconds(number("drain", 180));
        try {
            say("Run " + tag + ": creating " + citizenCount + " citizens with phones in Keycloak (realm " + REALM + ")...");
            createCitizens(citizenCount);
            String group = required("group");
            say("Waiting until consumer group " + group + " owns every partition of " + Topics.REQUESTS + "...");
            awaitAssignment(group, Duration.ofMinutes(5));
            try (KafkaProducer<String, byte[]> producer = producer()) {
                // identity makes a citizen's profile from Keycloak on the first GetContact (seconds each when
                // the machine is loaded): one event per citizen, slowly, so that the runs below measure the
                // steady state rather than that first look-up
                say("Priming: one event per citizen at 10 events/s (identity makes each profile on first use)...");
                Phase priming = publish(producer, 'P', 10, Math.max(1, (citizenCount + 9) / 10));
                SmsLatency.Report primed = SmsLatency.report(priming.events(), drain(priming.events(), drain), tracking);
                say(String.format(Locale.ROOT, "  priming: %d events, %d SMS, p50 %d ms, max %d ms", primed.sent(),
                        primed.received(), primed.p50(), primed.max()));
                if (warmup > 0) {
                    say("Warm-up: " + rate + " events/s for " + warmup + " s (not counted)...");
                    Phase warm = publish(producer, 'W', rate, warmup);
                    List<SmsLatency.Sms> got = drain(warm.events(), drain);
                    SmsLatency.Report r = SmsLatency.report(warm.events(), got, tracking);
                    say(String.format(Locale.ROOT, "  warm-up: %d events, %d SMS, lost %d, duplicated %d, p50 %d ms, "
                            + "p99 %d ms, max %d ms", r.sent(), r.received(), r.lost(), r.duplicated(), r.p50(), r.p99(),
                            r.max()));
                }
                Map<String, Long> cpuBefore = cpu();
                Instant started = Instant.now();
                say("Measured: " + rate + " events/s for " + seconds + " s...");
                Phase measured = publish(producer, 'M', rate, seconds);
                String loadAtEnd = load();
                List<SmsLatency.Sms> got = drain(measured.events(), drain);
                Map<String, Long> cpuAfter = cpu();
                SmsLatency.Report r = SmsLatency.report(measured.events(), got, tracking);
                print(r, measured, rate, seconds, started, loadAtEnd, cpuBefore, cpuAfter);
                return r.lost() == 0 && r.duplicated() == 0 ? 0 : 1;
            }
        } finally {
            deleteCitizens();
        }
    }

    /** What one phase published and how fast it managed to. */
    private record Phase(List<SmsLatency.Event> events, Instant first, Instant last, int failedSends) {

        double achievedRate() {
            double s = Duration.between(first, last).toNanos() / 1e9;
            return s <= 0 ? events.size() : (events.size() - 1) / s;
        }
    }

    // --- citizens in Keycloak -------------------------------------------------------------------------

    private String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(options.getOrDefault("admin-user", "admin"), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(options.getOrDefault("admin-password", "admin"), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the admin sign-in: " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    /** Creates them eight at a time (Keycloak's admin API takes seconds per call on a loaded machine). */
    private void createCitizens(int count) throws IOException, InterruptedException, ExecutionException {
        String token = adminToken();
        // +255 71x: one number range per run (three random digits), four digits per citizen
        int range = new SecureRandom().nextInt(1000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String phone = String.format("+25571%03d%04d", range, i);
                String language = i % 2 == 0 ? "sw" : "en";
                int n = i;
                phones.add(phone);
                ids.add(pool.submit(() -> createCitizen(token, phone, language, n)));
            }
            for (int i = 0; i < count; i++) {
                citizens.put(ids.get(i).get(), phones.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }

    private String createCitizen(String token, String phone, String language, int n) throws IOException,
            InterruptedException {
        Map<String, Object> user = Map.of("username", phone, "enabled", true, "firstName", "Bench",
                "lastName", "Mwananchi " + n, "attributes", Map.of("phone", List.of(phone), "language", List.of(language)));
        HttpResponse<String> response = http.send(admin(token, "/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            String location = response.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);
            created.add(id);
            return id;
        }
        if (response.statusCode() == 409) {
            // an earlier run's citizen with this number: used as it is (its phone is its user name), kept
            HttpResponse<String> found = http.send(admin(token, "/users?exact=true&username="
                    + URLEncoder.encode(phone, StandardCharsets.UTF_8)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode users = JSON.readTree(found.body());
            if (users.isEmpty()) {
                throw new IllegalStateException("Keycloak says " + phone + " exists but does not find it");
            }
            return users.get(0).path("id").asString();
        }
        throw new IllegalStateException("Keycloak refused citizen " + phone + ": " + response.statusCode() + " "
                + response.body());
    }

    private void deleteCitizens() {
        if (created.isEmpty()) {
            return;
        }
        try {
            String token = adminToken();
            List<CompletableFuture<HttpResponse<Void>>> deletions = new ArrayList<>();
            for (String id : created) {
                deletions.add(http.sendAsync(admin(token, "/users/" + id).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding()));
            }
            CompletableFuture.allOf(deletions.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            say("Deleted the run's " + created.size() + " citizens from Keycloak.");
        } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
            say("Could not delete the run's citizens from Keycloak: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest.Builder admin(String token, String path) {
        return HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
    }

    // --- Kafka ----------------------------------------------------------------------------------------

    private Admin adminClient() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, required("kafka")));
    }

    /** Until the group's members together own every partition of the requests topic (then 2 s more). */
    private void awaitAssignment(String group, Duration timeout) throws Exception {
        try (Admin admin = adminClient()) {
            int partitions = admin.describeTopics(List.of(Topics.REQUESTS)).allTopicNames().get()
                    .get(Topics.REQUESTS).partitions().size();
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                Set<TopicPartition> owned = description.members().stream().map(MemberDescription::assignment)
                        .flatMap(a -> a.topicPartitions().stream()).filter(tp -> tp.topic().equals(Topics.REQUESTS))
                        .collect(Collectors.toSet());
                if (owned.size() >= partitions) {
                    say("  " + description.members().size() + " member(s) own the " + partitions + " partitions");
                    // auto.offset.reset=latest: the consumers look up the end offsets on their first poll
                    Thread.sleep(2_000);
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("group " + group + " owns " + owned.size() + " of " + partitions
                            + " partitions after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(500);
            }
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, required("kafka"),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-sms-" + tag),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Publishes {@code rate} events per second for {@code seconds}: event n is due at start + n / rate and is
     * stamped (the envelope's time) when it is handed to the producer; a late sender catches up at once.
     */
    private Phase publish(KafkaProducer<String, byte[]> producer, char phase, int rate, int seconds) {
        List<String> subjects = new ArrayList<>(citizens.keySet());
        int total = rate * seconds;
        List<SmsLatency.Event> events = new ArrayList<>(total);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        Instant first = null;
        Instant last = null;
        long nextReport = start + TimeUnit.SECONDS.toNanos(10);
        for (int n = 0; n < total; n++) {
            long due = start + n * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String subject = subjects.get(n % subjects.size());
            String trackingNumber = SmsLatency.trackingNumber(tag, phase, n);
            String requestId = UUID.randomUUID().toString();
            Instant now = Instant.now();
            EventEnvelope envelope = envelope(requestId, subject, trackingNumber, now);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REQUESTS, requestId, envelope.toByteArray());
            record.headers().add("ce_id", envelope.getId().getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", envelope.getType().getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", envelope.getSource().getBytes(StandardCharsets.UTF_8))
                    .add("correlation_id", envelope.getCorrelationId().getBytes(StandardCharsets.UTF_8));
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                }
            });
            events.add(new SmsLatency.Event(trackingNumber, citizens.get(subject), now));
            if (first == null) {
                first = now;
            }
            last = now;
            if (System.nanoTime() > nextReport) {
                nextReport += TimeUnit.SECONDS.toNanos(10);
                say(String.format(Locale.ROOT, "  %d events published (%s)", n + 1, load()));
            }
        }
        producer.flush();
        if (failed.get() > 0) {
            say("  " + failed.get() + " events could not be published (counted as sent, so as lost)");
        }
        return new Phase(List.copyOf(events), first, last, failed.get());
    }

    private static EventEnvelope envelope(String requestId, String subject, String trackingNumber, Instant now) {
        RequestStatusChanged payload = RequestStatusChanged.newBuilder()
                .setRequestId(requestId).setTrackingNumber(trackingNumber).setAgencyCode("brela")
                .setServiceName(LocalizedText.newBuilder().setSw("Usajili wa jina la biashara")
                        .setEn("Business name registration"))
                .setCitizenSubject(subject).setFromStatus("SUBMITTED").setToStatus("IN_REVIEW")
                .setServiceId("bench").build();
        return EventEnvelope.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setType(payload.getDescriptorForType().getFullName())
                .setSource("requests-service")
                .setTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setSubject(requestId)
                .setCorrelationId(UUID.randomUUID().toString())
                .setAgency("brela")
                .setData(Any.pack(payload))
                .build();
    }

    // --- the SMSC simulator's inbox -------------------------------------------------------------------

    /**
     * Waits for the SMS of {@code events}: every 3 s it reads only what the phone of the phase's last event
     * received (reading the whole shared inbox serialises every SMS the simulator ever took, work that would
     * compete with the SMSC being measured); once the last event's SMS is there, or when nothing new came to
     * that phone for 60 s after the first, or at {@code timeout}, it reads everything (and again every 10 s while
     * some are missing, until one of those limits). Returns what the run's phones received.
     */
    private List<SmsLatency.Sms> drain(List<SmsLatency.Event> events, Duration timeout) throws IOException,
            InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Instant lastProgress = Instant.now();
        SmsLatency.Event last = events.get(events.size() - 1);
        List<SmsLatency.Event> lastPhone = events.stream().filter(e -> e.destination().equals(last.destination())).toList();
        int seen = 0;
        boolean full = false;
        Instant nextFull = Instant.MIN;
        while (true) {
            List<SmsLatency.Sms> probe = received(last.destination());
            int atLastPhone = SmsLatency.withSms(lastPhone, probe, tracking);
            if (atLastPhone != seen) {
                seen = atLastPhone;
                lastProgress = Instant.now();
            }
            full = full || probe.stream().anyMatch(s -> s.text().contains(last.trackingNumber()));
            boolean giveUp = Instant.now().isAfter(deadline)
                    || seen > 0 && Duration.between(lastProgress, Instant.now()).toSeconds() >= 60;
            if (full && Instant.now().isAfter(nextFull) || giveUp) {
                List<SmsLatency.Sms> got = received(null);
                int now = SmsLatency.withSms(events, got, tracking);
                say("  " + now + " of " + events.size() + " events have their SMS");
                if (now == events.size()) {
                    Thread.sleep(3_000);
                    return received(null);
                }
                if (giveUp) {
                    say("  stopped waiting: " + now + " of " + events.size() + " events have their SMS");
                    return got;
                }
                nextFull = Instant.now().plusSeconds(10);
            } else {
                say("  " + atLastPhone + " of the " + lastPhone.size() + " events of the last phone have their SMS");
            }
            Thread.sleep(3_000);
        }
    }

    /**
     * What the SMSC and the HTTP SMS provider received for the run's phones (the shared inbox holds others'), or
     * for one {@code phone} only.
     */
    private List<SmsLatency.Sms> received(String phone) throws IOException, InterruptedException {
        Set<String> phones = phone == null ? Set.copyOf(citizens.values()) : Set.of(phone);
        String query = phone == null ? "" : "?destination=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        String httpQuery = phone == null ? "" : "?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        List<SmsLatency.Sms> all = new ArrayList<>();
        for (JsonNode sms : inboxGet("/sms" + query)) {
            String destination = sms.path("destination").asString();
            if (phones.contains(destination) && sms.path("text").asString().contains(tag)) {
                all.add(new SmsLatency.Sms(destination, sms.path("text").asString(), instant(sms.path("receivedAt")),
                        "smpp"));
            }
        }
        for (JsonNode sms : inboxGet("/sms-http" + httpQuery)) {
            String destination = sms.path("to").asString();
            if (phones.contains(destination) && sms.path("text").asString().contains(tag)) {
                all.add(new SmsLatency.Sms(destination, sms.path("text").asString(), instant(sms.path("receivedAt")),
                        "http"));
            }
        }
        return all;
    }

    private JsonNode inboxGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(inbox + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " at the inbox: " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static Instant instant(JsonNode at) {
        return at.isNumber() ? Instant.ofEpochMilli(Math.round(at.asDouble() * 1000)) : Instant.parse(at.asString());
    }

    // --- figures --------------------------------------------------------------------------------------

    /** CPU time (clock ticks, user + system) of each {@code --cpu=name:pid} process. */
    private Map<String, Long> cpu() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        String spec = options.getOrDefault("cpu", "");
        for (String entry : spec.split(",")) {
            if (!entry.contains(":")) {
                continue;
            }
            String name = entry.substring(0, entry.indexOf(':'));
            String pid = entry.substring(entry.indexOf(':') + 1);
            try {
                String stat = Files.readString(Path.of("/proc", pid, "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the command: state is field 3, utime 14 and stime 15 (1-based in the whole line)
                ticks.put(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (IOException | RuntimeException e) {
                ticks.put(name, -1L);
            }
        }
        return ticks;
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "load ?";
        }
    }

    private void print(SmsLatency.Report r, Phase measured, int rate, int seconds, Instant started, String loadAtEnd,
                       Map<String, Long> cpuBefore, Map<String, Long> cpuAfter) {
        long tickMicros = 1_000_000L / number("clock-ticks", 100);
        StringBuilder cpuHeader = new StringBuilder();
        StringBuilder cpuCells = new StringBuilder();
        StringBuilder cpuMachine = new StringBuilder();
        for (String name : cpuBefore.keySet()) {
            long ticks = cpuAfter.getOrDefault(name, -1L) - cpuBefore.get(name);
            double msPerEvent = cpuBefore.get(name) < 0 || r.sent() == 0 ? -1 : ticks * tickMicros / 1000.0 / r.sent();
            cpuHeader.append(" CPU ms/event ").append(name).append(" |");
            cpuCells.append(String.format(Locale.ROOT, " %.2f |", msPerEvent));
            cpuMachine.append(String.format(Locale.ROOT, " cpu_ms_per_event_%s=%.3f", name, msPerEvent));
        }
        say("");
        say(String.format(Locale.ROOT, "### Event -> SMS at the SMSC (%s, %d cores, %s at the end of publishing; %d events/s "
                        + "for %d s, %d citizens, run %s)", UTC.format(started), Runtime.getRuntime().availableProcessors(),
                loadAtEnd, rate, seconds, citizens.size(), tag));
        say("");
        say("| events sent | achieved events/s | SMS received | lost | duplicated | p50 ms | p90 ms | p99 ms | max ms |"
                + cpuHeader);
        say("|---|---|---|---|---|---|---|---|---|" + "---|".repeat(cpuBefore.size()));
        say(String.format(Locale.ROOT, "| %d | %.1f | %d | %d | %d | %d | %d | %d | %d |%s", r.sent(),
                measured.achievedRate(), r.received(), r.lost(), r.duplicated(), r.p50(), r.p90(), r.p99(), r.max(),
                cpuCells));
        say("");
        if (r.viaHttp() > 0) {
            say("  " + r.viaHttp() + " of the received went through the HTTP SMS provider (the SMSC did not take them)");
        }
        if (r.misdirected() > 0) {
            say("  " + r.misdirected() + " SMS named a run's event but went to another phone");
        }
        if (r.extraCopies() > 0) {
            say("  " + r.extraCopies() + " extra copies; e.g. " + r.duplicatedExamples());
        }
        if (r.lost() > 0) {
            say("  lost, e.g. " + r.lostExamples());
        }
        say(String.format(Locale.ROOT, "BENCH_SMS tag=%s sent=%d received=%d lost=%d duplicated=%d misdirected=%d via_http=%d "
                        + "p50=%d p90=%d p99=%d max=%d rate=%.1f%s", tag, r.sent(), r.received(), r.lost(), r.duplicated(),
                r.misdirected(), r.viaHttp(), r.p50(), r.p90(), r.p99(), r.max(), measured.achievedRate(), cpuMachine));
    }

    // --- options --------------------------------------------------------------------------------------

    private String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return value;
    }

    private int number(String name, int fallback) {
        String value = options.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
