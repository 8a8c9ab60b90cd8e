package io.huduma.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack's fault switches, for the fault-injection run ({@code ./huduma chaos}, docs/reliability.md):
 * the inbox API serves them on loopback as {@code POST /faults/<target>/<action>}, in local mode only.
 * Kafka and PostgreSQL come back on the same ports and data, so nothing they acknowledged is lost.
 */
final class Faults {

    private static final Logger log = LoggerFactory.getLogger(Faults.class);

    /** Every {@code target/action} this class knows. */
    static final List<String> SWITCHES = List.of("kafka/stop", "kafka/start", "postgres/restart",
            "keycloak/stop", "keycloak/start");

    /** An action this class does not know. */
    static final class Unknown extends Exception {

        private static final long serialVersionUID = 1L;

        Unknown(String message) {
            super(message);
        }
    }

    /** What the devstack must do once the processes changed (write the pid file again). */
    interface ProcessesChanged {
        void changed() throws Exception;
    }

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final KeycloakServer keycloak;
    private final ProcessesChanged processesChanged;

    Faults(KafkaBroker kafka, PostgresServer postgres, KeycloakServer keycloak, ProcessesChanged processesChanged) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.processesChanged = processesChanged;
    }

    /**
     * Applies one switch, e.g. {@code kafka/stop}; answers what it did: {@code changed} is false when the
     * component already was in that state (stopping a stopped broker).
     */
    synchronized Map<String, Object> apply(String name) throws Exception {
        if (!SWITCHES.contains(name)) {
            throw new Unknown("no fault " + name + "; known: " + SWITCHES);
        }
        long begin = System.nanoTime();
        log.warn("Fault injection: {}", name);
        boolean changed = switch (name) {
            case "kafka/stop" -> kafka.stop();
            case "kafka/start" -> kafka.restart();
            case "postgres/restart" -> {
                postgres.restart();
                yield true;
            }
            case "keycloak/stop" -> keycloak.freeze();
            default -> keycloak.thaw();
        };
        processesChanged.changed();
        long took = Duration.ofNanos(System.nanoTime() - begin).toMillis();
        log.warn("Fault injection: {} done in {} ms{}", name, took, changed ? "" : " (nothing to do)");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("fault", name);
        result.put("changed", changed);
        result.put("tookMillis", took);
        return result;
    }
}
