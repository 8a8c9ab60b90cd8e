package io.huduma.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * A private instance of the devstack's SMSC simulator, for a test that stops and restarts the SMSC
 * (the shared one serves every other test of the build and is never stopped).
 */
public final class PrivateSmsc implements AutoCloseable {

    /** A message the private SMSC received. */
    public record Received(String messageId, String destination, String text, int dataCoding, int parts) {
    }

    /** A mobile-originated message the private SMSC handed over, and what each {@code deliver_sm} got back. */
    public record Inbound(String messageId, int reference, String systemId, List<String> attempts) {
    }

    private final SmscSimulator smsc;

    private PrivateSmsc(SmscSimulator smsc) {
        this.smsc = smsc;
    }

    /** Starts a simulator on {@code port} (0: a free port; the simulator itself reports 0 for that). */
    public static PrivateSmsc start(int port) {
        try {
            if (port == 0) {
                try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = probe.getLocalPort();
                }
            }
            return new PrivateSmsc(SmscSimulator.start(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return smsc.port();
    }

    public List<Received> messages() {
        return smsc.messages().stream()
                .map(s -> new Received(s.messageId(), s.destination(), s.text(), s.dataCoding(), s.parts()))
                .toList();
    }

    /**
     * A handset {@code from} writes {@code text} to {@code to}: a {@code deliver_sm} to the newest bound
     * receiver, sent {@code times} times (the same PDU, as an SMSC redelivering it).
     */
    public Inbound deliverInbound(String from, String to, String text, int times) {
        try {
            SmscSimulator.Inbound sent = smsc.deliverInbound(from, to, text, null, times);
            return new Inbound(sent.messageId(), sent.reference(), sent.systemId(), sent.attempts());
        } catch (SmscSimulator.NoReceiver e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public void rejectNext(int count) {
        smsc.rejectNext(count);
    }

    @Override
    public void close() {
        try {
            smsc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
