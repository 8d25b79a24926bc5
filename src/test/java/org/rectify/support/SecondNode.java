package org.rectify.support;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.rectify.RectifyApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A second application node on the test's database, as in a scaled-out deployment. Close it when done. */
public final class SecondNode {

    private SecondNode() {
    }

    /** @param extraArguments further {@code --name=value} settings for this node only */
    public static ConfigurableApplicationContext start(DataSource sharedDatabase, String... extraArguments) {
        HikariDataSource hikari = (HikariDataSource) sharedDatabase;
        // Arguments, like a deployment's environment, override application.yml; builder properties would not.
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + hikari.getPassword(),
                "--server.port=0",
                "--spring.jmx.enabled=false",
                // its own engine name: Camunda keeps engines in a JVM-wide registry, and closing this node
                // must not unregister the first node's engine
                "--camunda.bpm.process-engine-name=second-node"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(RectifyApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new));
    }
}
