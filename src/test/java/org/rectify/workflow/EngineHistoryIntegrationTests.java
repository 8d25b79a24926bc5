package org.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.rectify.support.Api;
import org.rectify.support.RectifyIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The engine keeps the history operators and the fault tests rely on (final variable values, who completed a step,
 * the job log), and no longer the per-update copies of every variable.
 */
@RectifyIntegrationTest
class EngineHistoryIntegrationTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    HistoryService historyService;
    @Autowired
    DataSource dataSource;

    @Test
    void aStepLeavesTheVariablesAndWhoActedButNoPerUpdateCopies() {
        Api api = new Api(rest);
        JsonNode receipt = api.reportCase(api.patrolReport("STREET_VENDING", "GENERAL"));
        long id = receipt.get("id").asLong();
        String processInstanceId = receipt.get("processInstanceId").asText();
        assertThat(api.post("cgj-handler", "/api/cases/" + id + "/accept", null).getStatusCode().value()).isEqualTo(200);

        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName())
                .isEqualTo(EngineHistory.NAME);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(ProcessVariables.CASE_NUMBER).singleResult().getValue())
                .isEqualTo(receipt.get("caseNumber").asText());
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(ProcessVariables.SUPERVISE_AT).count()).isOne();
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
                .extracting(UserOperationLogEntry::getUserId).contains("cgj-handler");
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).count()).isZero();
    }

    @Test
    void aDatabaseKeptAtFullHistoryIsMovedToTheNewLevelAndAFreshOneIsLeftAlone() throws Exception {
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V25__engine_history_without_details.sql"));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists v25_probe cascade; create schema v25_probe; set search_path to v25_probe");
            try {
                sql.execute(migration); // no engine tables yet: nothing to do, and no error
                sql.execute("create table act_ge_property (name_ varchar(64) primary key, value_ varchar(300), rev_ int)");
                sql.execute("insert into act_ge_property values ('historyLevel', '3', 1), ('schema.version', '7.24.0', 1)");
                sql.execute(migration);
                try (ResultSet level = sql.executeQuery("select value_ from act_ge_property where name_ = 'historyLevel'")) {
                    level.next();
                    assertThat(level.getString(1)).isEqualTo(String.valueOf(EngineHistory.ID));
                }
            } finally {
                sql.execute("reset search_path; drop schema v25_probe cascade");
            }
        }
    }
}
