package org.rectify.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit lines a write request keeps while it runs (its done acts), written together with its WRITE line when the
 * request ends ({@link WriteAuditFilter}): one audit transaction and one commit per request instead of one per line.
 * Only lines that are written after their own work committed anyway wait here; a refusal is still written at once.
 * Bound to the request's thread; work on other threads (the job executor) writes its lines as before.
 */
final class RequestLines {

    private static final ThreadLocal<List<AuditLog.Pending>> OPEN = new ThreadLocal<>();

    private RequestLines() {
    }

    /** Starts collecting on this thread; false if a request further out already collects (it writes them). */
    static boolean open() {
        if (OPEN.get() != null) {
            return false;
        }
        OPEN.set(new ArrayList<>());
        return true;
    }

    /** Keeps the line for the request's end; false if no request collects on this thread (write it now). */
    static boolean add(AuditEntry entry) {
        List<AuditLog.Pending> lines = OPEN.get();
        if (lines == null) {
            return false;
        }
        lines.add(new AuditLog.Pending(entry));
        return true;
    }

    /** Stops collecting and hands over what was kept, in the order it was kept. */
    static List<AuditLog.Pending> close() {
        List<AuditLog.Pending> lines = OPEN.get();
        OPEN.remove();
        return lines == null ? List.of() : lines;
    }
}
