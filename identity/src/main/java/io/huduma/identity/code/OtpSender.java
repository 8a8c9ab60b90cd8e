package io.huduma.identity.code;

/** Hands a code to whoever delivers it (notifications-service's SendOtp); nothing here keeps it. */
public interface OtpSender {

    /**
     * Sends {@code code} to {@code phone} by SMS.
     *
     * @throws io.huduma.platform.domain.DomainException unavailable when the code could not be handed over
     */
    void send(String phone, String code, Purpose purpose, String language, int validMinutes);
}
