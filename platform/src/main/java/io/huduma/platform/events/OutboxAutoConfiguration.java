package io.huduma.platform.events;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * Transactional outbox, its Kafka relay (under ShedLock) and the processed-event register,
 * for every service with a database.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean(JdbcTemplate.class)
@EnableConfigurationProperties(OutboxProperties.class)
public final class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxWriter outboxWriter(JdbcTemplate jdbc, Environment environment, ObjectProvider<OutboxRelay> relay) {
        String source = environment.getRequiredProperty("spring.application.name");
        return new OutboxWriter(jdbc, source, () -> relay.ifAvailable(OutboxRelay::nudge));
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ KafkaTemplate.class, LockProvider.class, JdbcTemplateLockProvider.class })
    static class RelayConfiguration {

        /** Also serves any {@code @SchedulerLock} job of the service (table {@code shedlock}). */
        @Bean
        @ConditionalOnMissingBean
        LockProvider lockProvider(JdbcTemplate jdbc) {
            return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                    .withJdbcTemplate(jdbc)
                    .usingDbTime()
                    .build());
        }

        @Bean
        @ConditionalOnBean(KafkaTemplate.class)
        @ConditionalOnProperty(name = "huduma.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
        OutboxRelay outboxRelay(JdbcTemplate jdbc, KafkaOperations<Object, Object> kafka, LockProvider lockProvider,
                OutboxProperties properties, ObjectProvider<KafkaAdmin> admin) {
            KafkaAdmin kafkaAdmin = admin.getIfAvailable();
            BooleanSupplier brokerReachable = kafkaAdmin == null ? () -> false : () -> clusterAnswers(kafkaAdmin);
            return new OutboxRelay(jdbc, kafka, new DefaultLockingTaskExecutor(lockProvider), properties,
                    brokerReachable);
        }

        /** Whether the cluster answers at all: tells a broker outage from rows the broker refuses. */
        private static boolean clusterAnswers(KafkaAdmin kafkaAdmin) {
            try (Admin client = Admin.create(kafkaAdmin.getConfigurationProperties())) {
                client.describeCluster(new DescribeClusterOptions().timeoutMs(3_000)).clusterId()
                        .get(4, TimeUnit.SECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                return false;
            }
        }
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxMonitor outboxMonitor(JdbcTemplate jdbc, ObjectProvider<OutboxRelay> relay) {
        return new OutboxMonitor(jdbc, () -> {
            OutboxRelay active = relay.getIfAvailable();
            return active == null ? null : active.brokerAwaySince();
        });
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class MetricsConfiguration {

        @Bean
        OutboxMetrics outboxMetrics(OutboxMonitor monitor) {
            return new OutboxMetrics(monitor);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class HealthConfiguration {

        /** Named {@code outbox} in the health endpoint: {@code /actuator/health/outbox}. */
        @Bean
        @ConditionalOnMissingBean(name = "outboxHealthIndicator")
        OutboxHealthIndicator outboxHealthIndicator(OutboxMonitor monitor, OutboxProperties properties) {
            return new OutboxHealthIndicator(monitor, properties.health());
        }
    }
}
