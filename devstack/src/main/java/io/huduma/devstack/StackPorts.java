package io.huduma.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** The ports one devstack listens on: fixed for the local stack, free random ones for tests. */
record StackPorts(int postgres, int kafka, int kafkaController, int keycloak, int keycloakManagement,
                  int smtp, int smpp, int inbox, int eureka) {

    /** The fixed ports of the local stack ({@code stack.properties}); Eureka runs as its own process there. */
    static StackPorts local() {
        return local(StackFacts.load());
    }

    static StackPorts local(StackFacts facts) {
        return new StackPorts(facts.port("postgres"), facts.port("kafka"), facts.port("kafka-controller"),
                facts.port("keycloak"), facts.port("keycloak-management"), facts.port("smtp"), facts.port("smpp"),
                facts.port("inbox"), facts.port("discovery"));
    }

    /** Free ports picked by the kernel, so a test stack never collides with the local stack. */
    static StackPorts random() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] p = new int[9];
            for (int i = 0; i < p.length; i++) {
                // hold every socket until all are chosen so no port is handed out twice
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                p[i] = socket.getLocalPort();
            }
            return new StackPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            held.forEach(StackPorts::closeQuietly);
        }
    }

    /** Ports the stack needs that something else already holds, for a clear message instead of a bind error. */
    List<Integer> busy(boolean withEureka) {
        List<Integer> all = new ArrayList<>(List.of(postgres, kafka, kafkaController, keycloak,
                keycloakManagement, smtp, smpp, inbox));
        if (withEureka) {
            all.add(eureka);
        }
        return all.stream().filter(port -> !isFree(port)).toList();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port is released either way
        }
    }
}
