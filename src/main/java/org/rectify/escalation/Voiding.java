package org.rectify.escalation;

import java.time.OffsetDateTime;
import java.util.Map;
import org.rectify.cases.CaseHistory;
import org.rectify.cases.Cases;
import org.rectify.cases.RectificationCase;
import org.rectify.shared.DomainException;
import org.springframework.stereotype.Service;

/** 作废: a case filed in error is voided by a supervisor with a reason; it stays in the history. */
@Service
public class Voiding {

    private final Cases cases;
    private final CaseHistory history;

    Voiding(Cases cases, CaseHistory history) {
        this.cases = cases;
        this.history = history;
    }

    public String check(RectificationCase c, String reason) {
        if (!c.status().isOpen()) {
            throw DomainException.conflict("case-finished", "案件 " + c.caseNumber() + " 已" + c.status().chineseLabel()
                    + "，不能作废");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "作废案件必须说明理由");
        }
        if (reason.strip().length() > 500) {
            throw DomainException.invalid("too-long", "作废理由不能超过 500 个字");
        }
        return reason.strip();
    }

    public void voidCase(long caseId, String reason, String actor, OffsetDateTime now) {
        RectificationCase c = cases.lock(caseId);
        String text = check(c, reason);
        cases.voidCase(caseId, text, now);
        history.record(caseId, now, actor, "VOIDED", "作废，理由：" + text, Map.of("reason", text));
    }
}
