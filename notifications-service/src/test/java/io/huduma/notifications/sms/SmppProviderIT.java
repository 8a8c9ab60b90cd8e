package io.huduma.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.huduma.devstack.PrivateSmsc;
import org.junit.jupiter.api.Test;

/**
 * The SMPP provider against a private instance of the devstack's SMSC simulator (this test stops it; the
 * shared one is never stopped): transceiver bind, receipts, long and UCS-2 messages, and an SMSC that goes
 * down and comes back.
 */
class SmppProviderIT {

    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final SmsReceipts receipts = new SmsReceipts() {
        @Override
        public void delivered(String provider, String providerMessageId) {
            delivered.add(providerMessageId);
        }

        @Override
        public void undeliverable(String provider, String providerMessageId, String reason) {
            // not expected here
        }
    };

    private SmppProvider provider(int port) {
        SmppProvider provider = new SmppProvider(new SmsProperties.Smpp(true, 1, "127.0.0.1", port, "huduma-test",
                "secret", 100, Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofSeconds(30)), "HUDUMA",
                receipts);
        provider.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(provider::bound);
        } catch (RuntimeException e) {
            provider.close();
            throw e;
        }
        return provider;
    }

    @Test
    void sendsAndReceivesTheDeliveryReceiptOnTheSameSession() throws SmsNotSent {
        try (PrivateSmsc smsc = PrivateSmsc.start(0); SmppProvider provider = provider(smsc.port())) {
            String id = provider.send("+255700000001", "Ombi lako limepokelewa.");

            assertThat(smsc.messages()).singleElement().satisfies(m -> {
                assertThat(m.messageId()).isEqualTo(id);
                assertThat(m.destination()).isEqualTo("+255700000001");
                assertThat(m.text()).isEqualTo("Ombi lako limepokelewa.");
                assertThat(m.dataCoding()).isZero();
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.contains(id));
        }
    }

    @Test
    void longMessagesTravelInPartsAndUnicodeAsUcs2() throws SmsNotSent {
        try (PrivateSmsc smsc = PrivateSmsc.start(0); SmppProvider provider = provider(smsc.port())) {
            String longText = "Ombi HDM-2026-000123 linahitaji taarifa zaidi: {pakia} nakala ya cheti. ".repeat(4);
            String id = provider.send("+255700000002", longText);
            provider.send("+255700000003", "Imekubaliwa ✓");

            await().atMost(Duration.ofSeconds(5)).until(() -> smsc.messages().size() == 2);
            PrivateSmsc.Received joined = smsc.messages().get(0);
            assertThat(joined.text()).isEqualTo(longText);
            assertThat(joined.parts()).isEqualTo(SmsEncoding.GSM7.segments(longText)).isEqualTo(2);
            assertThat(smsc.messages().get(1).text()).isEqualTo("Imekubaliwa ✓");
            assertThat(smsc.messages().get(1).dataCoding()).isEqualTo(8);
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.contains(id));
        }
    }

    @Test
    void aRefusalOrADownSmscFailsTheSendAndTheProviderBindsAgainWhenTheSmscIsBack() throws SmsNotSent {
        PrivateSmsc smsc = PrivateSmsc.start(0);
        int port = smsc.port();
        try (SmppProvider provider = provider(port)) {
            smsc.rejectNext(1);
            assertThatThrownBy(() -> provider.send("+255700000004", "Habari")).isInstanceOf(SmsNotSent.class)
                    .hasMessageContaining("refused");

            smsc.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> !provider.bound());
            assertThatThrownBy(() -> provider.send("+255700000004", "Habari")).isInstanceOf(SmsNotSent.class)
                    .hasMessageContaining("not bound");

            try (PrivateSmsc back = PrivateSmsc.start(port)) {
                await().atMost(Duration.ofSeconds(15)).until(provider::bound);
                provider.send("+255700000004", "Habari");
                assertThat(back.messages()).singleElement()
                        .satisfies(m -> assertThat(m.text()).isEqualTo("Habari"));
            }
        }
    }
}
