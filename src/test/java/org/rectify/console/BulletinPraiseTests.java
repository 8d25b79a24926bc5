package org.rectify.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectify.rules.ShippedRules;

/**
 * The weekly bulletin's praise and criticism, decided by the shipped rules (rules/bulletin.drl, scenarios in
 * rules/tests/bulletin.csv): a unit praised is never criticised in the same issue, and at most three of each are named.
 */
class BulletinPraiseTests {

    private static Bulletins.UnitLine unit(String name, long closed, long onTime, long overdueNow, long reworked,
            long orders) {
        return new Bulletins.UnitLine(name, 0, closed, onTime, "", overdueNow, reworked, orders);
    }

    @Test
    void aUnitWithAReworkThisWeekIsCriticisedAndNotPraisedEvenIfItClosedEverythingOnTime() {
        Bulletins.UnitLine reworked = unit("高新区城市管理局", 10, 10, 0, 1, 0);
        Bulletins.UnitLine clean = unit("高新区教育局", 2, 1, 0, 0, 0);
        List<Bulletins.UnitLine> units = List.of(reworked, clean);

        Bulletins.Selection selection = Bulletins.select(units, ShippedRules.engine());
        List<Bulletins.UnitLine> criticised = selection.worst();
        List<Bulletins.UnitLine> praised = selection.best();

        assertThat(criticised).containsExactly(reworked);
        assertThat(praised).containsExactly(clean);
    }

    @Test
    void aUnitWithASupervisionOrderOutsideTheWorstThreeIsStillNotPraised() {
        List<Bulletins.UnitLine> units = List.of(unit("甲", 1, 1, 5, 0, 0), unit("乙", 1, 1, 4, 0, 0),
                unit("丙", 1, 1, 3, 0, 0), unit("丁", 9, 9, 0, 0, 1), unit("戊", 3, 3, 0, 0, 0));

        Bulletins.Selection selection = Bulletins.select(units, ShippedRules.engine());
        List<Bulletins.UnitLine> criticised = selection.worst();
        List<Bulletins.UnitLine> praised = selection.best();

        assertThat(criticised).extracting(Bulletins.UnitLine::name).containsExactly("甲", "乙", "丙");
        assertThat(praised).extracting(Bulletins.UnitLine::name).containsExactly("戊");
        assertThat(praised).doesNotContainAnyElementsOf(criticised);
        assertThat(selection.firedRules()).contains("通报 - 有超期、返工或督办的单位列入点名批评，不得表扬");
        assertThat(selection.ruleSetVersion()).hasSize(12);
    }
}
