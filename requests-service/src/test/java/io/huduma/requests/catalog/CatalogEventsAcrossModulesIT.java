package io.huduma.requests.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.huduma.contracts.Topics;
import io.huduma.contracts.catalog.v1.ServicePublished;
import io.huduma.contracts.catalog.v1.ServiceRetired;
import io.huduma.contracts.common.v1.EventEnvelope;
import io.huduma.contracts.common.v1.LocalizedText;
import io.huduma.platform.correlation.Correlation;
import io.huduma.platform.events.OutboxWriter;
import io.huduma.requests.RequestsIT;
import io.huduma.testkit.Infra;
import io.huduma.testkit.TopicEvents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event written through the outbox of one process (acting as service-catalog) reaches
 * requests-service over the real broker with its envelope and correlation id intact; a
 * rolled-back transaction publishes nothing; a redelivered event changes nothing.
 */
class CatalogEventsAcrossModulesIT extends RequestsIT {

    private static ConfigurableApplicationContext catalog;

    @BeforeAll
    static void startCatalogProcess() {
        // command-line arguments, so they win over requests-service's application.yaml on this classpath
        catalog = new SpringApplicationBuilder(CatalogProducerApp.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=service-catalog",
                        "--spring.datasource.url=" + Infra.freshDatabase("catalog_producer"),
                        "--spring.datasource.username=" + Infra.postgresUser(),
                        "--spring.datasource.password=" + Infra.postgresPassword(),
                        "--spring.kafka.bootstrap-servers=" + Infra.kafkaBootstrapServers(),
                        "--huduma.keycloak.url=" + Infra.keycloakUrl(),
                        "--eureka.client.enabled=false",
                        "--spring.grpc.server.enabled=false");
    }

    @AfterAll
    static void stopCatalogProcess() {
        catalog.close();
    }

    @Autowired
    JdbcTemplate requestsDb;

    @Test
    void publishedServiceArrivesWithEnvelopeAndCorrelationId() {
        String serviceId = UUID.randomUUID().toString();

        EventEnvelope sent = inCatalogTransaction("corr-published-1",
                outbox -> outbox.append(Topics.CATALOG_SERVICES, serviceId, "brela", published(serviceId, 1)));

        Map<String, Object> row = awaitRow(serviceId);
        assertThat(row).containsEntry("agency_code", "brela")
                .containsEntry("latest_version", 1)
                .containsEntry("name_sw", "Usajili wa Jina la Biashara")
                .containsEntry("status", "PUBLISHED")
                .containsEntry("last_event_id", sent.getId())
                .containsEntry("correlation_id", "corr-published-1");
        assertThat(sent.getSource()).isEqualTo("service-catalog");
        assertThat(sent.getType()).isEqualTo("huduma.catalog.v1.ServicePublished");
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();
        TransactionTemplate tx = catalog.getBean(TransactionTemplate.class);
        OutboxWriter outbox = catalog.getBean(OutboxWriter.class);

        tx.executeWithoutResult(status -> {
            outbox.append(Topics.CATALOG_SERVICES, rolledBack, "brela", published(rolledBack, 1));
            status.setRollbackOnly();
        });
        inCatalogTransaction("corr-after-rollback",
                o -> o.append(Topics.CATALOG_SERVICES, committed, "brela", published(committed, 1)));

        awaitRow(committed);
        Integer outboxRows = catalog.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from outbox_event where subject = ?", Integer.class, rolledBack);
        assertThat(outboxRows).isZero();
        assertThat(requestsDb.queryForList("select * from catalog_service where service_id = ?::uuid", rolledBack))
                .isEmpty();
    }

    @Test
    void laterFactsOfOneServiceApplyInOrder() {
        String serviceId = UUID.randomUUID().toString();

        inCatalogTransaction("corr-v1", o -> o.append(Topics.CATALOG_SERVICES, serviceId, "rita", published(serviceId, 1)));
        inCatalogTransaction("corr-v2", o -> o.append(Topics.CATALOG_SERVICES, serviceId, "rita", published(serviceId, 2)));
        EventEnvelope retired = inCatalogTransaction("corr-retired", o -> o.append(Topics.CATALOG_SERVICES, serviceId,
                "rita", ServiceRetired.newBuilder().setServiceId(serviceId).setLastVersion(2).setAgencyCode("rita")
                        .setName(name()).build()));

        Map<String, Object> row = awaitRow(serviceId, retired.getId());
        assertThat(row).containsEntry("status", "RETIRED").containsEntry("latest_version", 2)
                .containsEntry("correlation_id", "corr-retired");
    }

    @Test
    void redeliveredEventIsHandledOnce() throws Exception {
        String serviceId = UUID.randomUUID().toString();
        EventEnvelope sent = inCatalogTransaction("corr-redelivered",
                o -> o.append(Topics.CATALOG_SERVICES, serviceId, "brela", published(serviceId, 3)));
        awaitRow(serviceId);
        // the same fact again, as Kafka may redeliver it, but with other content: it must be ignored
        EventEnvelope tampered = sent.toBuilder().setData(com.google.protobuf.Any.pack(published(serviceId, 9))).build();

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.CATALOG_SERVICES, serviceId, tampered.toByteArray())).get();
        }
        // a later, distinct fact proves the redelivered record has been consumed (same key, same partition)
        EventEnvelope marker = inCatalogTransaction("corr-marker",
                o -> o.append(Topics.CATALOG_SERVICES, serviceId, "brela", published(serviceId, 4)));

        Map<String, Object> row = awaitRow(serviceId, marker.getId());
        assertThat(row).containsEntry("latest_version", 4);
        List<Map<String, Object>> handled = requestsDb.queryForList(
                "select * from processed_event where event_id = ?", sent.getId());
        assertThat(handled).hasSize(1);
    }

    @Test
    void aLateOrReplayedPublicationNeverUnRetiresAServiceNorRollsBackItsVersion() {
        String serviceId = UUID.randomUUID().toString();
        inCatalogTransaction("corr-s1", o -> o.append(Topics.CATALOG_SERVICES, serviceId, "brela", published(serviceId, 1)));
        inCatalogTransaction("corr-s2", o -> o.append(Topics.CATALOG_SERVICES, serviceId, "brela", published(serviceId, 2)));
        EventEnvelope retired = inCatalogTransaction("corr-sr", o -> o.append(Topics.CATALOG_SERVICES, serviceId, "brela",
                ServiceRetired.newBuilder().setServiceId(serviceId).setLastVersion(2).setAgencyCode("brela").setName(name()).build()));
        awaitRow(serviceId, retired.getId());

        // a publication of the retired version arriving late, and an older one replayed
        inCatalogTransaction("corr-late", o -> o.append(Topics.CATALOG_SERVICES, serviceId, "brela", published(serviceId, 2)));
        inCatalogTransaction("corr-old", o -> o.append(Topics.CATALOG_SERVICES, serviceId, "brela", published(serviceId, 1)));
        // a retirement whose publication never arrived (version 5): a later publication of 5 cannot undo it
        String other = UUID.randomUUID().toString();
        inCatalogTransaction("corr-o1", o -> o.append(Topics.CATALOG_SERVICES, other, "brela",
                ServiceRetired.newBuilder().setServiceId(other).setLastVersion(5).setAgencyCode("brela").setName(name()).build()));
        inCatalogTransaction("corr-o2", o -> o.append(Topics.CATALOG_SERVICES, other, "brela", published(other, 5)));
        EventEnvelope marker = inCatalogTransaction("corr-o3", o -> o.append(Topics.CATALOG_SERVICES, other, "brela",
                published(other, 4)));
        awaitHandled(marker.getId());
        awaitHandledAll(serviceId);

        assertThat(requestsDb.queryForMap("select status, latest_version from catalog_service where service_id = ?::uuid", serviceId))
                .containsEntry("status", "RETIRED").containsEntry("latest_version", 2);
        assertThat(requestsDb.queryForMap("select status, latest_version from catalog_service where service_id = ?::uuid", other))
                .containsEntry("status", "RETIRED").containsEntry("latest_version", 5);
        // and an application for it is refused, whatever the catalogue's cache would say
        catalog().publish(UUID.fromString(serviceId), 2, "brela", io.huduma.requests.FakeCatalog.BUSINESS_NAME_FORM, 5, null);
        assertThat(submit(AMINA, submission(UUID.fromString(serviceId), validAnswers()), UUID.randomUUID().toString()).status())
                .isEqualTo(422);
    }

    private void awaitHandled(String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!requestsDb.queryForList("select 1 from processed_event where event_id = ?", eventId).isEmpty()) {
                return;
            }
            sleep();
        }
        throw new AssertionError("event " + eventId + " never handled");
    }

    /** Every event of the subject that reached the broker has been handled. */
    private void awaitHandledAll(String serviceId) {
        for (EventEnvelope e : TopicEvents.await(Topics.CATALOG_SERVICES, serviceId, 5)) {
            awaitHandled(e.getId());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private EventEnvelope inCatalogTransaction(String correlationId,
                                               java.util.function.Function<OutboxWriter, EventEnvelope> work) {
        TransactionTemplate tx = catalog.getBean(TransactionTemplate.class);
        OutboxWriter outbox = catalog.getBean(OutboxWriter.class);
        try (Correlation.Scope ignored = Correlation.open(correlationId)) {
            return tx.execute(status -> work.apply(outbox));
        }
    }

    private Map<String, Object> awaitRow(String serviceId) {
        return awaitRow(serviceId, null);
    }

    private Map<String, Object> awaitRow(String serviceId, String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> rows = requestsDb.queryForList(
                    "select * from catalog_service where service_id = ?::uuid", serviceId);
            if (!rows.isEmpty() && (eventId == null || eventId.equals(rows.get(0).get("last_event_id")))) {
                return rows.get(0);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("requests-service never recorded service " + serviceId
                + (eventId == null ? "" : " at event " + eventId));
    }

    private static ServicePublished published(String serviceId, int version) {
        return ServicePublished.newBuilder().setServiceId(serviceId).setVersion(version).setAgencyCode("brela")
                .setSlug("business-name-registration").setName(name()).setSlaWorkingDays(5).build();
    }

    private static LocalizedText name() {
        return LocalizedText.newBuilder().setSw("Usajili wa Jina la Biashara").setEn("Business name registration").build();
    }
}
