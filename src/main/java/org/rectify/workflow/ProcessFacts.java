package org.rectify.workflow;

import static org.rectify.workflow.ProcessVariables.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.rectify.cases.Deadlines;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.springframework.stereotype.Component;

/** Copies the case's facts into process variables, where Tasklist forms, filters and expressions read them. */
@Component
class ProcessFacts {

    private final Catalog catalog;

    ProcessFacts(Catalog catalog) {
        this.catalog = catalog;
    }

    Map<String, Object> of(RectificationCase c) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_ID, c.id());
        variables.put(CASE_NUMBER, c.caseNumber());
        variables.put(TITLE, c.title());
        variables.put(DESCRIPTION, c.description());
        variables.put(ADDRESS, c.address());
        variables.put(CATEGORY_NAME, catalog.category(c.categoryCode()).map(cat -> cat.name()).orElse(c.categoryCode()));
        variables.put(SEVERITY_LABEL, c.severity().chineseLabel());
        variables.put(SOURCE_LABEL, c.source().chineseLabel());
        variables.put(NEEDS_CHECK, c.source().needsCheck());
        variables.put(REWORK_COUNT, c.reworkCount());
        if (c.leadUnitCode() != null) {
            variables.put(LEAD_UNIT, c.leadUnitCode());
            variables.put(LEAD_UNIT_NAME, catalog.unitName(c.leadUnitCode()));
            variables.put(CO_UNIT_NAMES, c.coUnitCodes().stream().map(catalog::unitName).collect(Collectors.joining("、")));
        }
        if (c.deadline() != null) {
            variables.put(DEADLINE, Date.from(c.deadline().toInstant()));
            variables.put(DEADLINE_TEXT, Deadlines.format(c.deadline()) + (c.deadlineProvisional() ? "（暂定）" : ""));
        }
        return variables;
    }

    /**
     * Sets only the facts that changed: an unchanged value set again still costs the engine a history event and a
     * statement, and the facts are refreshed at every routing and every planning of the ladder.
     */
    void refresh(VariableScope scope, RectificationCase c) {
        Map<String, Object> current = scope.getVariables();
        Map<String, Object> changed = new HashMap<>();
        of(c).forEach((name, value) -> {
            if (!current.containsKey(name) || !java.util.Objects.equals(current.get(name), value)) {
                changed.put(name, value);
            }
        });
        if (!changed.isEmpty()) {
            scope.setVariables(changed);
        }
    }
}
