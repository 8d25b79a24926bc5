package org.rectify.discipline;

import static org.rectify.discipline.DisciplineVariables.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.rectify.cases.Deadlines;
import org.rectify.clock.BusinessClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans processes/discipline.bpmn names in its delegate expressions. Each reads variables, calls
 * {@link Accountability} and writes variables back for the forms.
 */
@Configuration(proxyBeanMethods = false)
class DisciplineCallbacks {

    private static final String SYSTEM = "系统";

    private final Accountability accountability;
    private final DisciplineTransfers transfers;
    private final IdentityService identityService;
    private final BusinessClock clock;

    DisciplineCallbacks(Accountability accountability, DisciplineTransfers transfers, IdentityService identityService,
            BusinessClock clock) {
        this.accountability = accountability;
        this.transfers = transfers;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** 规则建议问责措施 */
    @Bean
    JavaDelegate disciplinePropose() {
        return execution -> {
            Accountability.Proposal proposal = accountability.propose(transferId(execution), clock.now());
            Map<String, Object> variables = new HashMap<>();
            variables.put(PROPOSED_MEASURE, proposal.measure().name());
            variables.put(PROPOSED_MEASURE_LABEL, proposal.measure().chineseLabel());
            variables.put(PROPOSED_TARGET, proposal.target().name());
            variables.put(PROPOSED_TARGET_LABEL, proposal.target().chineseLabel());
            variables.put(PROPOSED_TARGET_NAME, proposal.targetName());
            variables.put(PROPOSAL_EXPLANATION, proposal.explanation());
            variables.put(APPEAL_WORKING_DAYS, proposal.appealWorkingDays());
            execution.setVariables(variables);
        };
    }

    /** 记录问责决定并通知单位 */
    @Bean
    JavaDelegate disciplineRecordDecision() {
        return execution -> {
            AccountabilityRecords.Entry entry = accountability.decide(transferId(execution),
                    string(execution, DECISION_MEASURE), string(execution, DECISION_TARGET),
                    string(execution, DECISION_REASON), actorOr(execution, DECIDED_BY), clock.now());
            Map<String, Object> variables = decided(entry);
            variables.put(APPEAL_DEADLINE, Date.from(entry.appealDeadline().toInstant()));
            variables.put(APPEAL_DEADLINE_TEXT, Deadlines.format(entry.appealDeadline()));
            execution.setVariables(variables);
        };
    }

    /** 记录复核结果 */
    @Bean
    JavaDelegate disciplineRecordReview() {
        return execution -> {
            AccountabilityRecords.Entry entry = accountability.review(transferId(execution),
                    string(execution, REVIEW_OUTCOME), string(execution, REVIEW_MEASURE),
                    string(execution, REVIEW_TARGET), string(execution, REVIEW_REASON),
                    actorOr(execution, REVIEWED_BY), clock.now());
            execution.setVariables(decided(entry));
        };
    }

    /** 决定生效: after the unit acknowledged, after the appeal window passed, or after the review. */
    @Bean
    JavaDelegate disciplineTakeEffect() {
        return execution -> {
            Accountability.Effect effect = execution.getVariable(REVIEW_OUTCOME) != null ? Accountability.Effect.REVIEWED
                    : "ACKNOWLEDGE".equals(execution.getVariable(NOTICE_OUTCOME)) ? Accountability.Effect.ACKNOWLEDGED
                    : Accountability.Effect.APPEAL_WINDOW_PASSED;
            accountability.takeEffect(transferId(execution), effect, clock.now());
        };
    }

    /**
     * Names each task after its case and unit ("审查并决定问责 · ZG-2026-000004 城管局"), so that the discipline office's
     * Tasklist rows differ; the console's queues group by the part before the number.
     */
    @Bean
    TaskListener disciplineTaskCreated() {
        return task -> {
            String step = task.getName() == null ? "问责事项" : task.getName().replaceFirst("\\s*·.*$", "");
            task.setName(step + " · " + task.getVariable(CASE_NUMBER) + " " + task.getVariable(ACCOUNTABLE_UNIT_NAME));
            task.setDescription(task.getVariable(CASE_NUMBER) + " " + task.getVariable(TITLE) + " · 移交原因："
                    + task.getVariable(TRIGGER_LABEL));
        };
    }

    /** A task is completed, from Tasklist or the API: check the submitted values; the unit's answer is applied here. */
    @Bean
    TaskListener disciplineTaskCompleted() {
        return task -> {
            Transfer transfer = transfers.require(transferId(task));
            switch (task.getTaskDefinitionKey()) {
                case TASK_DECIDE -> {
                    accountability.checkDecision(transfer, string(task, DECISION_MEASURE), string(task, DECISION_TARGET),
                            string(task, DECISION_REASON));
                    task.setVariable(DECIDED_BY, actor());
                }
                case TASK_NOTICE -> {
                    var now = clock.now();
                    Accountability.NoticeOutcome outcome = accountability.checkNotice(transfer,
                            string(task, NOTICE_OUTCOME), string(task, APPEAL_REASON), now);
                    if (outcome == Accountability.NoticeOutcome.APPEAL) {
                        accountability.appeal(transfer.id(), string(task, APPEAL_REASON), actor(), now);
                    } else {
                        accountability.acknowledge(transfer.id(), actor(), now);
                    }
                }
                case TASK_REVIEW -> {
                    accountability.checkReview(transfer, string(task, REVIEW_OUTCOME), string(task, REVIEW_MEASURE),
                            string(task, REVIEW_TARGET), string(task, REVIEW_REASON));
                    task.setVariable(REVIEWED_BY, actor());
                }
                default -> throw new IllegalStateException("No completion step for task " + task.getTaskDefinitionKey());
            }
        };
    }

    private static Map<String, Object> decided(AccountabilityRecords.Entry entry) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(RECORD_ID, entry.id());
        variables.put(DECIDED_MEASURE, entry.measure().name());
        variables.put(DECIDED_MEASURE_LABEL, entry.measure().chineseLabel());
        variables.put(DECIDED_TARGET, entry.target().name());
        variables.put(DECIDED_TARGET_LABEL, entry.target().chineseLabel());
        variables.put(DECIDED_TARGET_NAME, entry.targetName());
        variables.put(DECISION_REASON_TEXT, entry.reason());
        return variables;
    }

    /** Who the engine acts for: set by Tasklist's REST calls, or by {@link DisciplineProcess} for the API. */
    private String actor() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }

    private String actorOr(VariableScope scope, String variable) {
        Object captured = scope.getVariable(variable);
        return captured == null ? actor() : captured.toString();
    }

    /**
     * The transfer this process runs for, from the process instance's business key: the {@code transferId} variable
     * is a fact for the forms, and a completion through Camunda's doors could send another one.
     */
    private long transferId(DelegateExecution execution) {
        return transfers.requireByBusinessKey(execution.getProcessBusinessKey()).id();
    }

    private long transferId(DelegateTask task) {
        return transferId(task.getExecution());
    }

    private static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
