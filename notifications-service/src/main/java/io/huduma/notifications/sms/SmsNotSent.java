package io.huduma.notifications.sms;

/** A provider did not take a message (down, refused, timed out); another provider or a later attempt may. */
public class SmsNotSent extends Exception {

    private static final long serialVersionUID = 1L;

    public SmsNotSent(String message) {
        super(message, null, false, false);
    }

    public SmsNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
