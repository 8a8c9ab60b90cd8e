package io.huduma.ussd.menu;

/**
 * Another service did not answer or refused: the session ends with a short message and nothing
 * is changed here. {@code refused} tells a refusal of the input (bad answers) from an outage.
 */
public class RemoteFailure extends RuntimeException {

    private final boolean refused;

    public RemoteFailure(String message, boolean refused, Throwable cause) {
        super(message, cause);
        this.refused = refused;
    }

    public boolean refused() {
        return refused;
    }
}
