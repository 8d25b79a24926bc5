package org.rectify.escalation;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps {@code case_ladder_stage}, one indexed row per case that has reached any rung, so the ledger filters and
 * counts by stage without reading every step. A stage is only ever raised: a late or repeated lower step (a new
 * deadline round's warning) never hides a transfer or a decision.
 */
@Service
public class LadderStages {

    private final JdbcClient jdbc;

    LadderStages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises the case to the stage if it stands lower; called in the transaction of the step that reached it. */
    public void reach(long caseId, LadderStage stage, OffsetDateTime at) {
        jdbc.sql("""
                insert into case_ladder_stage (case_id, stage, stage_rank, reached_at)
                values (:caseId, :stage, :rank, :at)
                on conflict (case_id) do update set stage = excluded.stage, stage_rank = excluded.stage_rank,
                    reached_at = excluded.reached_at
                where case_ladder_stage.stage_rank < excluded.stage_rank""")
                .param("caseId", caseId).param("stage", stage.name()).param("rank", stage.rank()).param("at", at)
                .update();
    }

    public Optional<LadderStage> of(long caseId) {
        return jdbc.sql("select stage from case_ladder_stage where case_id = :caseId").param("caseId", caseId)
                .query(String.class).optional().map(LadderStage::parse);
    }
}
