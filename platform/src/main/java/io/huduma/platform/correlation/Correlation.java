package io.huduma.platform.correlation;

import java.util.UUID;

import org.slf4j.MDC;

/**
 * The correlation id of the work in hand. It travels as the {@code X-Correlation-Id} HTTP
 * header, the {@code x-correlation-id} gRPC metadata key and the {@code correlation_id} Kafka
 * header (and inside every event envelope), and sits in the logging MDC as {@code correlationId}.
 */
public final class Correlation {

    /** HTTP header name. */
    public static final String HTTP_HEADER = "X-Correlation-Id";
    /** gRPC metadata key (lower case, as gRPC requires). */
    public static final String GRPC_KEY = "x-correlation-id";
    /** Kafka record header name. */
    public static final String KAFKA_HEADER = "correlation_id";
    /** MDC key; also the Reactor context key in WebFlux. */
    public static final String MDC_KEY = "correlationId";
    /** Servlet request / WebFlux exchange attribute holding the id of the request in hand. */
    public static final String ATTRIBUTE = Correlation.class.getName() + ".id";

    private Correlation() {
    }

    /** The current id, or a new one when none is set. */
    public static String currentOrNew() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : newId();
    }

    /** The current id, or null. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Accepts a caller's id only when it is short and plain, so logs cannot be forged through it. */
    public static String sanitize(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > 64
                || !candidate.matches("[A-Za-z0-9._:-]+")) {
            return newId();
        }
        return candidate;
    }

    /** Sets the id for this thread until the returned scope is closed. */
    public static Scope open(String id) {
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    /** Restores the previous id on close. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
