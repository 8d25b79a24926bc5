package org.rectify.intake;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.rectify.cases.CaseStatus;
import org.rectify.catalog.Severity;
import org.rectify.rules.DuplicateDecision;
import org.rectify.rules.DuplicateFacts;
import org.rectify.rules.DuplicatePolicy;
import org.rectify.rules.RuleEngine;
import org.rectify.rules.RuleOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks for an open case that a new report repeats. The rules state how far and how long back to look
 * (a probe of rules/duplicates.drl); the database pre-filters open cases of the same category by a bounding
 * box around the report and, for cases without coordinates (or a report without them), by the grid cell; the
 * rules then judge each candidate, nearest first.
 */
@Component
class DuplicateCheck {

    /** One open case the database found near the report, with what the rules need to know about it. */
    record Candidate(long caseId, String caseNumber, Severity severity, OffsetDateTime createdAt, Integer distanceMetres,
            boolean sameGrid, int hoursSinceReported, int reportCount) {
    }

    /** A candidate with the rules' verdict on it. */
    record Judged(Candidate candidate, DuplicateFacts facts, RuleOutcome<DuplicateDecision> outcome) {
    }

    /** The verdicts, the first linked one ({@code match}) ending the search. */
    record Result(Optional<Judged> match, List<Judged> separate) {
    }

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final double METRES_PER_DEGREE_LATITUDE = 111_320;
    private static final int MAX_CANDIDATES = 20;
    private static final String CLOSED_STATUSES = Arrays.stream(CaseStatus.values()).filter(s -> !s.isOpen())
            .map(s -> "'" + s.name() + "'").reduce((a, b) -> a + ", " + b).orElseThrow();

    private final RuleEngine rules;
    private final JdbcClient jdbc;

    DuplicateCheck(RuleEngine rules, JdbcClient jdbc) {
        this.rules = rules;
        this.jdbc = jdbc;
    }

    /** Cells of the lock grid: about 1.1 km north–south, so a search box of a few hundred metres spans 1–4 cells. */
    private static final double LOCK_CELL_DEGREES = 0.01;
    /** A search box wider than this many cells locks the whole category instead. */
    private static final int MAX_LOCKED_CELLS = 16;

    /**
     * Serialises, until the transaction ends, the duplicate checks that could find each other's case: two people
     * reporting the same problem at the same moment must not both start a case, while reports of one category far
     * apart run side by side. A located report locks every lock cell its search box touches (two reports within the
     * radius of each other share at least the cell of each one's position) and its grid cell (a report made without
     * a position is matched by the grid cell alone); every check holds the category's lock shared, and a search box
     * too wide for cells takes it exclusively. Locks are taken in one order, so checks cannot deadlock.
     */
    void lockArea(ReportRequest report, String categoryCode, String gridCode) {
        BigDecimal latitude = report.location().latitude();
        BigDecimal longitude = report.location().longitude();
        boolean hasPosition = latitude != null && longitude != null;
        if (!hasPosition && gridCode == null) {
            return;
        }
        TreeSet<String> keys = new TreeSet<>();
        if (gridCode != null) {
            keys.add("grid:" + gridCode);
        }
        boolean wholeCategory = false;
        if (hasPosition) {
            double radius = rules.duplicatePolicy(DuplicateFacts.probe(categoryCode, report.source(), report.severity()))
                    .decision().radiusMetres();
            double lat = latitude.doubleValue();
            double latDelta = radius / METRES_PER_DEGREE_LATITUDE;
            double lngDelta = radius / (METRES_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos(Math.toRadians(lat))));
            long latFrom = cell(lat - latDelta);
            long latTo = cell(lat + latDelta);
            long lngFrom = cell(longitude.doubleValue() - lngDelta);
            long lngTo = cell(longitude.doubleValue() + lngDelta);
            wholeCategory = (latTo - latFrom + 1) * (lngTo - lngFrom + 1) > MAX_LOCKED_CELLS;
            for (long i = latFrom; !wholeCategory && i <= latTo; i++) {
                for (long j = lngFrom; j <= lngTo; j++) {
                    keys.add("cell:" + i + ":" + j);
                }
            }
        }
        String category = "duplicates:" + categoryCode;
        jdbc.sql("select 1 from (select " + (wholeCategory ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                + "(hashtext(:category))) locked").param("category", category).query(Integer.class).single();
        if (!wholeCategory) {
            for (String key : keys) {
                // hashed into the second half of the lock space: a collision only serialises two unrelated checks
                jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(:category), hashtext(:key))) locked")
                        .param("category", category).param("key", key).query(Integer.class).single();
            }
        }
    }

    private static long cell(double degrees) {
        return (long) Math.floor(degrees / LOCK_CELL_DEGREES);
    }

    Result check(ReportRequest report, String categoryCode, String gridCode, OffsetDateTime now) {
        BigDecimal latitude = report.location().latitude();
        BigDecimal longitude = report.location().longitude();
        boolean hasPosition = latitude != null && longitude != null;
        if (!hasPosition && gridCode == null) {
            return new Result(Optional.empty(), List.of());
        }
        DuplicatePolicy policy = rules.duplicatePolicy(
                DuplicateFacts.probe(categoryCode, report.source(), report.severity())).decision();
        List<Candidate> candidates = candidates(categoryCode, gridCode, latitude, longitude, policy, now);
        List<Judged> separate = new ArrayList<>();
        for (Candidate candidate : candidates) {
            DuplicateFacts facts = new DuplicateFacts(categoryCode, report.source(), report.severity(),
                    categoryCode, candidate.distanceMetres(), candidate.sameGrid(),
                    candidate.hoursSinceReported(), candidate.reportCount() + 1, candidate.severity());
            RuleOutcome<DuplicateDecision> outcome = rules.duplicate(facts);
            Judged judged = new Judged(candidate, facts, outcome);
            if (outcome.decision().duplicate()) {
                return new Result(Optional.of(judged), separate);
            }
            separate.add(judged);
        }
        return new Result(Optional.empty(), separate);
    }

    private List<Candidate> candidates(String categoryCode, String gridCode, BigDecimal latitude, BigDecimal longitude,
            DuplicatePolicy policy, OffsetDateTime now) {
        boolean hasPosition = latitude != null && longitude != null;
        // one branch per index (V11): the position box, and the grid cell; a UNION lets each use its own
        List<String> near = new ArrayList<>();
        // the columns the rules need, read in the same query: no case is loaded one by one
        String columns = "select id, case_number, severity, created_at, latitude, longitude, grid_code, report_count"
                + " from rectification_case where ";
        // "now" bounds the window too: a case reported after now (a clock moved back) repeats nothing yet
        String open = "category_code = :category and created_at >= :since and created_at <= :now and status not in ("
                + CLOSED_STATUSES + ")";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("category", categoryCode);
        // a day beyond the window: the rules decide, and a near miss is explained on the new case
        params.put("since", now.minusHours(policy.windowHours() + 24L));
        params.put("now", now);
        if (hasPosition) {
            double lat = latitude.doubleValue();
            double latDelta = policy.radiusMetres() / METRES_PER_DEGREE_LATITUDE;
            double lngDelta = policy.radiusMetres()
                    / (METRES_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos(Math.toRadians(lat))));
            near.add(columns + open + " and latitude between :latMin and :latMax and longitude between :lngMin and :lngMax");
            params.put("latMin", BigDecimal.valueOf(lat - latDelta));
            params.put("latMax", BigDecimal.valueOf(lat + latDelta));
            params.put("lngMin", BigDecimal.valueOf(longitude.doubleValue() - lngDelta));
            params.put("lngMax", BigDecimal.valueOf(longitude.doubleValue() + lngDelta));
        }
        if (gridCode != null && !hasPosition) {
            // A report with a position is matched by distance alone (rules/duplicates.drl): a grid cell is hundreds of
            // metres across, too coarse to call a located report the same problem. The grid cell is the fallback for
            // reports made without a position.
            near.add(columns + open + " and grid_code = :grid");
            params.put("grid", gridCode);
        }
        // the newest first: the day beyond the window must not crowd a case within it out of the limit
        List<Candidate> candidates = jdbc.sql(String.join(" union ", near) + " order by created_at desc limit " + MAX_CANDIDATES)
                .params(params)
                .query((rs, n) -> {
                    BigDecimal caseLatitude = rs.getBigDecimal("latitude");
                    BigDecimal caseLongitude = rs.getBigDecimal("longitude");
                    Integer distance = hasPosition && caseLatitude != null && caseLongitude != null
                            ? (int) Math.round(metres(latitude, longitude, caseLatitude, caseLongitude)) : null;
                    OffsetDateTime createdAt = rs.getObject("created_at", OffsetDateTime.class);
                    // begun hours: 72 hours and one minute is beyond a 72-hour window
                    long hours = Math.max(0, (Duration.between(createdAt, now).toMinutes() + 59) / 60);
                    return new Candidate(rs.getLong("id"), rs.getString("case_number"),
                            Severity.valueOf(rs.getString("severity")), createdAt, distance,
                            gridCode != null && gridCode.equals(rs.getString("grid_code")), (int) hours,
                            rs.getInt("report_count"));
                })
                .list();
        // nearest first; without a distance, the oldest case (the original report) first
        return candidates.stream()
                .sorted(Comparator.comparing((Candidate k) -> k.distanceMetres() == null ? Integer.MAX_VALUE : k.distanceMetres())
                        .thenComparing(Candidate::createdAt))
                .toList();
    }

    /** Great-circle distance (haversine): exact enough at the scale of a street. */
    static double metres(BigDecimal lat1, BigDecimal lng1, BigDecimal lat2, BigDecimal lng2) {
        double p1 = Math.toRadians(lat1.doubleValue());
        double p2 = Math.toRadians(lat2.doubleValue());
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2.doubleValue() - lng1.doubleValue());
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
