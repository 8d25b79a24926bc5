package org.rectify.audit;

import org.rectify.security.SignInAttempt;
import org.rectify.shared.AuditedAct;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Keeps what other modules publish: sign-in attempts and audited domain acts. */
@Component
class AuditListeners {

    private final AuditLog log;

    AuditListeners(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void signIn(SignInAttempt attempt) {
        String detail = switch (attempt.outcome()) {
            case DONE -> "登录成功";
            case FAILED -> "用户名或密码错误";
            case THROTTLED -> "失败次数过多，暂停登录 " + attempt.retryAfterSeconds() + " 秒";
        };
        String outcome = switch (attempt.outcome()) {
            case DONE -> "DONE";
            case FAILED -> "REFUSED";
            case THROTTLED -> "THROTTLED";
        };
        log.record(new AuditEntry("SIGN_IN", "sign-in." + attempt.door(), attempt.account(), outcome, null, null,
                null, null, attempt.clientAddress(), attempt.userAgent(), detail));
    }

    /** A refusal is kept at once, in its own transaction: the transaction around it is about to roll back. */
    @EventListener(condition = "#act.outcome() == T(org.rectify.shared.AuditedAct$Outcome).REFUSED")
    void refused(AuditedAct act) {
        keep(act);
    }

    /**
     * A done act is kept only once it is really done: after its transaction commits (at once if there is none). Inside
     * a write request it is written with the request's WRITE line, in one audit transaction ({@link RequestLines}).
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true,
            condition = "#act.outcome() == T(org.rectify.shared.AuditedAct$Outcome).DONE")
    void done(AuditedAct act) {
        AuditEntry entry = entryOf(act);
        if (!RequestLines.add(entry)) {
            log.record(entry);
        }
    }

    private void keep(AuditedAct act) {
        log.record(entryOf(act));
    }

    private static AuditEntry entryOf(AuditedAct act) {
        return new AuditEntry("ACT", act.action(), act.actor(), act.outcome().name(), act.caseId(), null, null,
                null, null, null, act.detail());
    }
}
