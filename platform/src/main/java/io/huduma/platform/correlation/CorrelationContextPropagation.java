package io.huduma.platform.correlation;

import io.micrometer.context.ContextRegistry;

import org.slf4j.MDC;

/**
 * Lets Reactor copy the correlation id from its context into the MDC around each operator (with
 * {@code spring.reactor.context-propagation=auto}), so reactive log lines carry it as servlet ones do.
 */
final class CorrelationContextPropagation {

    private CorrelationContextPropagation() {
    }

    static void register() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(Correlation.MDC_KEY,
                Correlation::current,
                id -> MDC.put(Correlation.MDC_KEY, id),
                () -> MDC.remove(Correlation.MDC_KEY));
    }
}
