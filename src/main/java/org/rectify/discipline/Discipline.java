package org.rectify.discipline;

import static org.rectify.discipline.DisciplineVariables.*;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.clock.BusinessClock;
import org.rectify.escalation.LadderStage;
import org.rectify.escalation.LadderStages;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The discipline office as the other features see it: transfer a case to it, read a unit's record. */
@Service
public class Discipline {

    private static final int MAX_DETAIL = 1000;

    private final Cases cases;
    private final CaseHistory history;
    private final Catalog catalog;
    private final DisciplineTransfers transfers;
    private final DisciplineProcess process;
    private final UnitRecords unitRecords;
    private final BusinessClock clock;
    private final LadderStages stages;

    Discipline(Cases cases, CaseHistory history, Catalog catalog, DisciplineTransfers transfers,
            DisciplineProcess process, UnitRecords unitRecords, BusinessClock clock, LadderStages stages) {
        this.stages = stages;
        this.cases = cases;
        this.history = history;
        this.catalog = catalog;
        this.transfers = transfers;
        this.process = process;
        this.unitRecords = unitRecords;
        this.clock = clock;
    }

    /**
     * Transfers a case to the discipline office: records the transfer, starts processes/discipline.bpmn (business
     * key = case number + "-JJ" + n), writes the case history. The rules' proposal is made and recorded before
     * this returns. Runs in the caller's transaction (or its own if there is none). Returns the discipline
     * process instance id. At most one open discipline process per case: a second call while one is open
     * returns the open one and records nothing.
     *
     * @param detailChinese what happened, in Chinese, for the history and the officer (may be null)
     * @throws DomainException (409) if the case has no lead unit to hold to account
     */
    @Transactional
    public String transfer(long caseId, TransferTrigger trigger, String detailChinese) {
        Objects.requireNonNull(trigger, "trigger");
        RectificationCase c = cases.lock(caseId);
        OffsetDateTime now = clock.now();
        Optional<Transfer> open = transfers.findOpen(caseId);
        if (open.isPresent()) {
            Transfer running = open.get();
            if (process.isRunning(running.processInstanceId())) {
                return running.processInstanceId();
            }
            // Its process instance was deleted (e.g. cancelled in Cockpit): close it so the case can move on.
            transfers.cancel(running.id(), now);
            history.record(caseId, now, "系统", "DISCIPLINE_CANCELLED", "问责程序 " + running.businessKey()
                    + " 的流程已在流程引擎中撤销，记为撤销", Map.of("transferId", running.id()));
        }
        if (c.leadUnitCode() == null) {
            throw DomainException.conflict("no-lead-unit", "案件 " + c.caseNumber() + " 尚未派遣到责任单位，不能移交纪工委问责");
        }
        String detail = detailChinese == null || detailChinese.isBlank() ? null : detailChinese.strip();
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
        int sequence = transfers.nextSequence(caseId);
        String businessKey = c.caseNumber() + "-JJ" + sequence;
        long transferId = transfers.insert(caseId, sequence, businessKey, c.leadUnitCode(), trigger, detail, now);
        stages.reach(caseId, LadderStage.TRANSFERRED, now);
        String unitName = catalog.unitName(c.leadUnitCode());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transferId", transferId);
        details.put("businessKey", businessKey);
        details.put("trigger", trigger.name());
        details.put("unit", c.leadUnitCode());
        history.record(caseId, now, "系统", "TRANSFERRED_TO_DISCIPLINE", "移交纪工委问责（第" + sequence + "次，"
                + trigger.chineseLabel() + "），责任单位" + unitName + (detail == null ? "" : "：" + detail), details);

        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_ID, c.id());
        variables.put(CASE_NUMBER, c.caseNumber());
        variables.put(TITLE, c.title());
        variables.put(CATEGORY_NAME, catalog.category(c.categoryCode()).map(cat -> cat.name()).orElse(c.categoryCode()));
        variables.put(SOURCE_LABEL, c.source().chineseLabel());
        variables.put(SEVERITY_LABEL, c.severity().chineseLabel());
        variables.put(ADDRESS, c.address());
        variables.put(TRANSFER_ID, transferId);
        variables.put(TRANSFER_SEQUENCE, sequence);
        variables.put(TRIGGER_LABEL, trigger.chineseLabel());
        variables.put(TRANSFER_DETAIL, detail);
        variables.put(ACCOUNTABLE_UNIT, c.leadUnitCode());
        variables.put(ACCOUNTABLE_UNIT_NAME, unitName);
        String processInstanceId = process.start(businessKey, variables);
        transfers.setProcessInstance(transferId, processInstanceId);
        return processInstanceId;
    }

    /** The unit's accountability record for this year and quarter, as of now. */
    public UnitRecord unitRecord(String unitCode) {
        return unitRecords.of(unitCode, clock.now());
    }
}
