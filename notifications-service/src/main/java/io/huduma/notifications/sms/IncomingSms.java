package io.huduma.notifications.sms;

/** Where an SMS provider hands the messages handsets write to the platform. */
public interface IncomingSms {

    /**
     * Takes one message. Returns once it is recorded (a redelivery of it is recognised and dropped); the
     * answer follows later. Throws when it could not be recorded: the provider then asks the SMSC to
     * deliver it again later.
     */
    void received(MobileOriginatedSms sms);
}
