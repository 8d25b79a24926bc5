package org.rectify.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.EngineJobs;
import org.rectify.support.RectifyIntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A 5 000-row inspection list: validated at once, filed in the background with its progress in the database. The
 * time is logged (and documented in the README), not asserted: it depends on the machine.
 */
@RectifyIntegrationTest
// Its own database, closed afterwards: 5 000 open cases and their tasks must not slow the other classes' pages.
@TestPropertySource(properties = "rectify.test.context=campaign-volume")
@DirtiesContext
class CampaignImportVolumeIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(CampaignImportVolumeIntegrationTests.class);
    static final int ROWS = 5_000;
    static final String[] CATEGORIES = {"占道经营", "小广告", "楼道杂物", "垃圾清运", "违章停车", "路灯不亮", "公厕保洁", "门前三包"};
    static final String[] GRIDS = {"xhsq-01", "mzsq-02", "jxsq-01", "chsq-02", "qysq-01", "stsq-02"};

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fiveThousandRowsAreImportedInTheBackgroundWithProgressInTheDatabase() {
        CampaignIntegrationTests helper = new CampaignIntegrationTests();
        helper.rest = rest;
        helper.jdbc = jdbc;
        helper.engine = engine;
        helper.api = new Api(rest);
        jdbc.sql("analyze").update();
        long campaign = helper.campaign("五千项问题清单", "2026-12-31");
        StringBuilder csv = new StringBuilder(CampaignIntegrationTests.HEADER);
        for (int i = 1; i <= ROWS; i++) {
            csv.append(i).append(',').append(CATEGORIES[i % CATEGORIES.length]).append(",高新区某路").append(i)
                    .append("号,清单问题").append(i).append(",无,一般,,").append(GRIDS[i % GRIDS.length]).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

        long started = System.nanoTime();
        var accepted = helper.upload("dispatcher", campaign, "五千项.csv", bytes);
        long validated = System.nanoTime();
        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        long importId = accepted.getBody().get("id").asLong();
        AtomicReference<JsonNode> midway = new AtomicReference<>();
        JsonNode status = Awaitility.await("the import of " + ROWS + " rows").atMost(Duration.ofMinutes(40))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    // one batch job at a time, as a node's job executor runs them (the tests' executor is off)
                    EngineJobs.runNext(engine, "import-" + importId);
                    JsonNode now = helper.api.get("dispatcher", "/api/campaigns/" + campaign + "/imports/" + importId)
                            .getBody();
                    int done = now.get("rowsDone").asInt();
                    if (done > 0 && done < ROWS) {
                        midway.compareAndSet(null, now);
                    }
                    return now;
                }, now -> !now.get("state").asText().equals("RUNNING"));
        long finished = System.nanoTime();

        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("imported").asInt()).isEqualTo(ROWS);
        assertThat(midway.get()).as("progress was visible while the import ran").isNotNull();
        assertThat(helper.casesOf(campaign)).isEqualTo(ROWS);
        double seconds = (finished - started) / 1e9;
        log.info("IMPORT-5000: {} rows validated and queued in {} ms, all imported in {} s ({} rows/s); cores={}",
                ROWS, (validated - started) / 1_000_000, String.format("%.1f", seconds), String.format("%.1f", ROWS / seconds),
                Runtime.getRuntime().availableProcessors());

        long reImport = System.nanoTime();
        JsonNode again = helper.waitFor(campaign, helper.upload("dispatcher", campaign, "五千项.csv", bytes).getBody()
                .get("id").asLong(), Duration.ofMinutes(10));
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(ROWS);
        assertThat(helper.casesOf(campaign)).isEqualTo(ROWS);
        log.info("IMPORT-5000: re-import of the same file added nothing in {} s",
                String.format("%.1f", (System.nanoTime() - reImport) / 1e9));
        assertThat(Map.of("board", helper.api.get("dispatcher", "/api/campaigns/" + campaign + "/board").getBody()
                .at("/total/total").asInt())).containsEntry("board", ROWS);
    }
}
