package org.rectify.discipline;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The supervision orders (督办单) issued on a case, as the discipline office weighs them. Answered by the module that
 * issues and keeps them (documents), so that discipline reads no table of a module that depends on it.
 */
public interface SupervisionOrders {

    record SupervisionOrder(String number, OffsetDateTime issuedAt) {
    }

    /** Oldest first. */
    List<SupervisionOrder> issuedOn(long caseId);
}
