package org.rectify.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded server holds users' data: it must be durable, and its data must outlive the process. */
class EmbeddedPostgresConfigurationTests {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedServerIsDurableAndKeepsItsDataAcrossRestarts() throws Exception {
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        try (EmbeddedPostgres first = configuration.embeddedPostgres(dataDir.toString(), true, 0)) {
            JdbcClient jdbc = JdbcClient.create(dataSource(configuration, first));
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            jdbc.sql("create table kept (note text)").update();
            jdbc.sql("insert into kept values ('问题已登记')").update();
        }
        try (EmbeddedPostgres second = configuration.embeddedPostgres(dataDir.toString(), true, 0)) {
            JdbcClient jdbc = JdbcClient.create(dataSource(configuration, second));
            assertThat(jdbc.sql("select note from kept").query(String.class).single()).isEqualTo("问题已登记");
        }
    }

    private static DataSource dataSource(EmbeddedPostgresConfiguration configuration, EmbeddedPostgres postgres) {
        return configuration.dataSource(postgres, 2, 3000);
    }
}
