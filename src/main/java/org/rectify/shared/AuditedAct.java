package org.rectify.shared;

/**
 * Something done or refused that the audit trail must keep, published as an application event by the module that
 * decided it (a case step applied or refused, an administrative act). The audit module keeps it; a refusal is kept
 * even though the transaction that was refused rolls back.
 *
 * @param actor   the user id acting, or 系统
 * @param action  a stable English name of the act, e.g. {@code case.accept}, {@code clock.move}, {@code rules.activate}
 * @param caseId  the case concerned, or {@code null}
 * @param outcome done or refused
 * @param detail  what a reader of the audit log needs: for a refusal the Chinese reason the actor was given
 */
public record AuditedAct(String actor, String action, Long caseId, Outcome outcome, String detail) {

    public enum Outcome { DONE, REFUSED }

    public static AuditedAct done(String actor, String action, Long caseId, String detail) {
        return new AuditedAct(actor, action, caseId, Outcome.DONE, detail);
    }

    public static AuditedAct refused(String actor, String action, Long caseId, String detail) {
        return new AuditedAct(actor, action, caseId, Outcome.REFUSED, detail);
    }
}
