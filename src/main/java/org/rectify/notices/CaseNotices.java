package org.rectify.notices;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.rectify.cases.Deadlines;
import org.rectify.cases.RectificationCase;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Unit;
import org.springframework.stereotype.Component;

/** The facts of a case every template may use. */
@Component
class CaseNotices {

    private final Catalog catalog;

    CaseNotices(Catalog catalog) {
        this.catalog = catalog;
    }

    Map<String, Object> model(RectificationCase c) {
        Map<String, Object> m = new HashMap<>();
        m.put("caseNumber", c.caseNumber());
        m.put("title", c.title());
        m.put("address", nz(c.address()));
        m.put("categoryName", catalog.category(c.categoryCode()).map(cat -> cat.name()).orElse(c.categoryCode()));
        m.put("severityLabel", c.severity().chineseLabel());
        m.put("sourceLabel", c.source().chineseLabel());
        m.put("leadUnitName", c.leadUnitCode() == null ? "" : catalog.unitName(c.leadUnitCode()));
        m.put("unitName", c.leadUnitCode() == null ? "" : catalog.unitName(c.leadUnitCode()));
        m.put("coUnitNames", c.coUnitCodes().stream().map(catalog::unitName).collect(Collectors.joining("、")));
        m.put("deadlineText", c.deadline() == null ? "未定" : Deadlines.format(c.deadline()));
        m.put("leaderName", c.leadUnitCode() == null ? "" : catalog.unit(c.leadUnitCode()).map(Unit::leaderName)
                .map(CaseNotices::nz).orElse(""));
        return m;
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }
}
