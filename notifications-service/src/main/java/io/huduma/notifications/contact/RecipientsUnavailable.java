package io.huduma.notifications.contact;

/** identity or the catalogue cannot say who the recipient is right now; the event is handled again later. */
public class RecipientsUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecipientsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
