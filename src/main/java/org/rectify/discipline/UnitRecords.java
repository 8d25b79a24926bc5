package org.rectify.discipline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Unit;
import org.rectify.clock.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a unit's accountability record for the calendar year and quarter of a moment, in the business zone. */
@Component
class UnitRecords {

    private record TransferFacts(String caseNumber, Transfer.Status status) {
    }

    private final AccountabilityRecords records;
    private final Catalog catalog;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    UnitRecords(AccountabilityRecords records, Catalog catalog, JdbcClient jdbc, BusinessClock clock) {
        this.records = records;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UnitRecord of(String unitCode, OffsetDateTime asOf) {
        LocalDate day = asOf.atZoneSameInstant(clock.zone()).toLocalDate();
        int quarter = (day.getMonthValue() - 1) / 3 + 1;
        OffsetDateTime yearStart = startOf(LocalDate.of(day.getYear(), 1, 1));
        OffsetDateTime quarterStart = startOf(LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1));
        OffsetDateTime yearEnd = startOf(LocalDate.of(day.getYear() + 1, 1, 1));
        List<AccountabilityRecords.Entry> standing = records.standingForUnit(unitCode, yearStart, yearEnd);
        Map<Long, TransferFacts> transfers = transferFacts(standing);
        List<UnitRecord.Entry> entries = standing.stream().map(e -> {
            TransferFacts facts = transfers.get(e.transferId());
            return new UnitRecord.Entry(e.id(), e.transferId(), e.caseId(), facts.caseNumber(), e.version(),
                    e.basis().chineseLabel(), e.measure().name(), e.measure().chineseLabel(), e.target().name(),
                    e.target().chineseLabel(), e.targetName(), e.followsProposal(), facts.status().name(),
                    facts.status().chineseLabel(), e.offenceAt(), e.decidedAt(), !e.offenceAt().isBefore(quarterStart));
        }).toList();
        Unit unit = catalog.unit(unitCode).orElse(null);
        return new UnitRecord(unitCode, unit == null ? unitCode : unit.name(), unit == null ? null : unit.leaderName(), asOf,
                day.getYear(), quarter, day.getYear() + "年第" + quarter + "季度",
                (int) entries.stream().filter(UnitRecord.Entry::thisQuarter).count(), entries.size(), entries);
    }

    /** transfer id → its case number and status, in one query. */
    private Map<Long, TransferFacts> transferFacts(List<AccountabilityRecords.Entry> standing) {
        if (standing.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select t.id, c.case_number, t.status from discipline_transfer t
                join rectification_case c on c.id = t.case_id where t.id in (:ids)""")
                .param("ids", standing.stream().map(AccountabilityRecords.Entry::transferId).distinct().toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), new TransferFacts(rs.getString(2),
                        Transfer.Status.valueOf(rs.getString(3)))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(clock.zone()).toOffsetDateTime();
    }
}
