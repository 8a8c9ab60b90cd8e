package io.huduma.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) from the Apache Kafka server
 * jars, the same code {@code bin/kafka-server-start.sh} runs, inside the devstack JVM. The fault-injection
 * run stops it and starts it again ({@link #stop()}, {@link #restart()}) on the same ports and log directory.
 */
final class KafkaBroker implements AutoCloseable {

    static final int PARTITIONS = 3;

    private final KafkaConfig config;
    private final String bootstrapServers;
    /** null while stopped. */
    private KafkaRaftServer server;

    private KafkaBroker(KafkaConfig config, KafkaRaftServer server, String bootstrapServers) {
        this.config = config;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats a fresh log directory (what {@code kafka-storage.sh format} does) and starts the broker. */
    static KafkaBroker start(Path logDirectory, int port, int controllerPort) throws Exception {
        Files.createDirectories(logDirectory);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());
        props.put("num.partitions", String.valueOf(PARTITIONS));
        // one node: every internal topic has one replica
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // fewer internal partitions and no rebalance delay: consumer groups form in tests without waiting
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("log.retention.hours", "24");
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(clusterId())
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(config.metadataLogDir())
                .setIgnoreFormatted(true);
        formatter.addDirectory(logDirectory.toString());
        formatter.run();

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new KafkaBroker(config, server, "127.0.0.1:" + port);
    }

    /** Shuts the broker down (its log stays); {@code false} when it was not running. */
    synchronized boolean stop() {
        if (server == null) {
            return false;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        return true;
    }

    /** Starts the broker again on the same ports and log directory, keeping every record; {@code false} when it ran. */
    synchronized boolean restart() {
        if (server != null) {
            return false;
        }
        KafkaRaftServer again = new KafkaRaftServer(config, Time.SYSTEM);
        again.startup();
        server = again;
        return true;
    }

    /** Creates the topics that do not exist yet, with {@link #PARTITIONS} partitions each. */
    void createTopics(Collection<String> topics) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
            List<NewTopic> wanted = topics.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
            for (var result : admin.createTopics(wanted).values().values()) {
                try {
                    result.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("Kafka did not create the topics within 60 s", e);
                }
            }
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        stop();
    }

    private static String clusterId() {
        return org.apache.kafka.common.Uuid.randomUuid().toString();
    }
}
