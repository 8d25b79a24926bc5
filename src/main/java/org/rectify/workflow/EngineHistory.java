package org.rectify.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The engine's history at level {@value #NAME}: everything of "full" (task and activity history, the final value of
 * every variable, the job log that proves each ladder step ran once, the user operation log Tasklist shows) except
 * the per-update copies of variables and form fields. Those were a quarter of all statements of an intake (every
 * fact copied to the process is written three times at "full") and nothing reads them: what a case went through, with
 * its submitted values, is Rectify's own hash-chained case history. Selected by {@code camunda.bpm.history-level};
 * V25 moves a database kept at "full" to this level, because the engine refuses to start on a level mismatch.
 */
@Component
class EngineHistory extends AbstractProcessEnginePlugin {

    static final String NAME = "full-without-details";
    /** Stored in ACT_GE_PROPERTY.historyLevel; Camunda's own levels are 0–3. */
    static final int ID = 30;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(new FullWithoutDetails());
        configuration.setCustomHistoryLevels(levels);
    }

    static final class FullWithoutDetails implements HistoryLevel {

        @Override
        public int getId() {
            return ID;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                    && eventType != HistoryEventTypes.FORM_PROPERTY_UPDATE
                    && HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
        }
    }
}
