package org.rectify.campaigns;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.rectify.cases.CaseStatus;
import org.rectify.cases.Deadlines;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Grid;
import org.rectify.clock.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The campaign board: items cleared (销号) / in progress / overdue, by unit and by street; a burn-down of open
 * items per day from the start toward the clearance date with a projection on the pace of closures so far
 * (linear); and the items at risk. Voided and rejected items are not part of the list any more.
 */
@Service
class CampaignBoard {

    /** Items whose deadline is this close (or past) are at risk. */
    static final Duration RISK_WINDOW = Duration.ofDays(3);

    public record Counts(String key, String name, int total, int cleared, int inProgress, int overdue, int suspended) {
    }

    public record Day(LocalDate date, int open) {
    }

    public record Projection(double closuresPerDay, LocalDate clearsOn, boolean clearsBeforeDeadline, int openAtClearanceDate,
            String text) {
    }

    public record RiskItem(long id, String caseNumber, String title, String status, String statusLabel, String unit,
            OffsetDateTime deadline, String deadlineText, boolean overdue, String reason) {
    }

    /** Geometry of the burn-down chart for the template: polylines as SVG point lists. */
    public record BurnDownChart(int width, int height, String actual, String ideal, String projection, double clearanceX,
            double todayX, List<Tick> ticks, List<Tick> yTicks, List<Tick> points) {
    }

    public record Tick(double x, double y, String text) {
    }

    public record Board(Campaign campaign, String sourceLevelLabel, String clearanceText, Counts total, List<Counts> byUnit,
            List<Counts> byStreet, List<Day> burnDown, Projection projection, List<RiskItem> atRisk,
            BurnDownChart chart, OffsetDateTime now) {
    }

    private record Item(long id, String caseNumber, String title, CaseStatus status, String unit, String grid,
            OffsetDateTime deadline, OffsetDateTime createdAt, OffsetDateTime closedAt) {
    }

    private final CampaignStore campaigns;
    private final Catalog catalog;
    private final BusinessClock clock;
    private final JdbcClient jdbc;

    CampaignBoard(CampaignStore campaigns, Catalog catalog, BusinessClock clock, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    Board board(long campaignId) {
        Campaign campaign = campaigns.require(campaignId);
        OffsetDateTime now = clock.now();
        List<Item> items = jdbc.sql("""
                select id, case_number, title, status, lead_unit_code, grid_code, deadline, created_at, closed_at
                from rectification_case where campaign_id = :id and status not in ('VOIDED', 'REJECTED')""")
                .param("id", campaignId)
                .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3),
                        CaseStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), time(rs.getObject(7, OffsetDateTime.class)),
                        time(rs.getObject(8, OffsetDateTime.class)), time(rs.getObject(9, OffsetDateTime.class))))
                .list();
        // The catalog once per board, not once per item: Catalog.grid reads the whole grid table each call.
        Map<String, String> streetOfGrid = catalog.grids().stream()
                .collect(Collectors.toMap(Grid::code, Grid::streetCode, (a, b) -> a));
        Map<String, List<Item>> byUnit = new TreeMap<>();
        Map<String, List<Item>> byStreet = new TreeMap<>();
        for (Item item : items) {
            byUnit.computeIfAbsent(item.unit() == null ? "" : item.unit(), k -> new ArrayList<>()).add(item);
            String street = item.grid() == null ? "" : streetOfGrid.getOrDefault(item.grid(), "");
            byStreet.computeIfAbsent(street, k -> new ArrayList<>()).add(item);
        }
        Set<String> named = new HashSet<>(byUnit.keySet());
        named.addAll(byStreet.keySet());
        named.remove("");
        Map<String, String> names = catalog.unitNames(named);
        List<Counts> units = byUnit.entrySet().stream()
                .map(e -> counts(e.getKey(), e.getKey().isEmpty() ? "未派遣" : names.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue(), now))
                .sorted(Comparator.comparingInt(Counts::total).reversed()).toList();
        List<Counts> streets = byStreet.entrySet().stream()
                .map(e -> counts(e.getKey(), e.getKey().isEmpty() ? "未定位到网格" : names.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue(), now))
                .sorted(Comparator.comparingInt(Counts::total).reversed()).toList();

        LocalDate today = now.toLocalDate();
        List<Day> days = new ArrayList<>();
        // The burn-down starts when the list arrived: before the first import there was nothing to clear.
        LocalDate listArrived = items.stream().map(i -> i.createdAt().atZoneSameInstant(clock.zone()).toLocalDate())
                .min(Comparator.naturalOrder()).filter(d -> d.isAfter(campaign.startsOn())).orElse(campaign.startsOn());
        for (LocalDate d = listArrived; !d.isAfter(today); d = d.plusDays(1)) {
            OffsetDateTime end = d.plusDays(1).atStartOfDay(clock.zone()).toOffsetDateTime();
            int open = (int) items.stream().filter(i -> i.createdAt().isBefore(end)
                    && (i.closedAt() == null || !i.closedAt().isBefore(end) || i.status() != CaseStatus.CLOSED)).count();
            days.add(new Day(d, open));
        }
        int openNow = (int) items.stream().filter(i -> i.status().isOpen()).count();
        int cleared = (int) items.stream().filter(i -> i.status() == CaseStatus.CLOSED).count();
        Projection projection = projection(items, campaign, now, openNow, cleared);
        // At risk: deadline past or near; and, when the pace will not clear the list in time, the items whose
        // deadline is the clearance date itself (the rules capped them there).
        boolean behind = !projection.clearsBeforeDeadline() && now.isBefore(campaign.clearanceAt());
        List<RiskItem> atRisk = items.stream().filter(i -> i.status().isClockRunning() && i.deadline() != null
                && (i.deadline().isBefore(now.plus(RISK_WINDOW))
                        || (behind && !i.deadline().isBefore(campaign.clearanceAt().minusSeconds(1)))))
                .sorted(Comparator.comparing(Item::deadline)).limit(100)
                .map(i -> new RiskItem(i.id(), i.caseNumber(), i.title(), i.status().name(), i.status().chineseLabel(),
                        i.unit() == null ? "" : names.getOrDefault(i.unit(), i.unit()), i.deadline(), Deadlines.format(i.deadline()),
                        i.deadline().isBefore(now), i.deadline().isBefore(now) ? "已超期"
                                : i.deadline().isBefore(now.plus(RISK_WINDOW)) ? "3天内到期" : "时限即清零时限，按当前进度难以按时清零"))
                .toList();
        return new Board(campaign, campaign.sourceLevel().chineseLabel(), campaign.clearanceText(),
                counts("", "合计", items, now), units, streets, days, projection, atRisk,
                chart(campaign, days, items.size(), today, openNow, projection), now);
    }

    private Projection projection(List<Item> items, Campaign campaign, OffsetDateTime now, int openNow, int cleared) {
        LocalDate today = now.toLocalDate();
        LocalDate clearanceDay = campaign.clearanceAt().toLocalDate();
        LocalDate first = items.stream().map(i -> i.createdAt().toLocalDate()).min(Comparator.naturalOrder())
                .orElse(campaign.startsOn());
        long elapsed = Math.max(1, ChronoUnit.DAYS.between(first, today) + 1);
        double pace = cleared / (double) elapsed;
        if (openNow == 0) {
            return new Projection(pace, today, true, 0, items.isEmpty() ? "清单尚未导入问题" : "清单已全部清零");
        }
        if (pace <= 0) {
            return new Projection(0, null, false, openNow, "尚无问题销号，按当前进度清零时限（" + clearanceDay
                    + "）前无法清零，仍有 " + openNow + " 项未清零");
        }
        long daysNeeded = (long) Math.ceil(openNow / pace);
        LocalDate clearsOn = today.plusDays(daysNeeded);
        boolean inTime = !clearsOn.isAfter(clearanceDay);
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, clearanceDay));
        int remaining = (int) Math.max(0, Math.ceil(openNow - pace * daysLeft));
        String text = "按目前每天销号 " + String.format("%.1f", pace) + " 项的进度，预计 " + clearsOn + " 清零"
                + (inTime ? "，能在清零时限（" + clearanceDay + "）前完成" : "，晚于清零时限（" + clearanceDay
                        + "）；届时预计仍有 " + remaining + " 项未清零");
        return new Projection(pace, clearsOn, inTime, inTime ? 0 : remaining, text);
    }

    private BurnDownChart chart(Campaign campaign, List<Day> days, int total, LocalDate today, int openNow,
            Projection projection) {
        int width = 640;
        int height = 220;
        double left = 40;
        double right = width - 24;
        double top = 10;
        double bottom = height - 24;
        LocalDate start = days.isEmpty() ? campaign.startsOn() : days.get(0).date();
        LocalDate clearanceDay = campaign.clearanceAt().toLocalDate();
        LocalDate end = clearanceDay.isAfter(today) ? clearanceDay : today;
        double span = Math.max(1, ChronoUnit.DAYS.between(start, end));
        int max = Math.max(1, Math.max(total, days.stream().mapToInt(Day::open).max().orElse(0)));
        java.util.function.Function<LocalDate, Double> x = d -> round(left + (right - left) * ChronoUnit.DAYS.between(start, d) / span);
        java.util.function.Function<Double, Double> y = v -> round(bottom - (bottom - top) * v / max);
        StringBuilder actual = new StringBuilder();
        List<Tick> points = new ArrayList<>();
        for (Day d : days) {
            actual.append(x.apply(d.date())).append(',').append(y.apply((double) d.open())).append(' ');
            points.add(new Tick(x.apply(d.date()), y.apply((double) d.open()), d.date() + "：未清零 " + d.open() + " 项"));
        }
        String ideal = x.apply(start) + "," + y.apply((double) total) + " " + x.apply(clearanceDay) + "," + y.apply(0.0);
        String projected = "";
        if (openNow > 0 && projection.closuresPerDay() > 0 && !today.isAfter(clearanceDay)) {
            LocalDate to = projection.clearsBeforeDeadline() ? projection.clearsOn() : clearanceDay;
            double remaining = projection.clearsBeforeDeadline() ? 0 : projection.openAtClearanceDate();
            projected = x.apply(today) + "," + y.apply((double) openNow) + " " + x.apply(to) + "," + y.apply(remaining);
        }
        List<Tick> ticks = new ArrayList<>();
        long step = Math.max(1, (long) Math.ceil(span / 6));
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(step)) {
            ticks.add(new Tick(x.apply(d), height - 6, d.getMonthValue() + "/" + d.getDayOfMonth()));
        }
        List<Tick> yTicks = new ArrayList<>();
        int ystep = Math.max(1, (int) Math.ceil(max / 4.0));
        for (int v = 0; v <= max; v += ystep) {
            yTicks.add(new Tick(left - 4, y.apply((double) v) + 4, Integer.toString(v)));
        }
        return new BurnDownChart(width, height, actual.toString().strip(), ideal, projected, x.apply(clearanceDay),
                x.apply(today.isAfter(end) ? end : today), ticks, yTicks, points);
    }

    private Counts counts(String key, String name, List<Item> items, OffsetDateTime now) {
        int cleared = 0;
        int overdue = 0;
        int progress = 0;
        int suspended = 0;
        for (Item i : items) {
            if (i.status() == CaseStatus.CLOSED) {
                cleared++;
            } else if (i.status() == CaseStatus.SUSPENDED) {
                suspended++;
            } else if (i.deadline() != null && i.deadline().isBefore(now)) {
                overdue++;
            } else {
                progress++;
            }
        }
        return new Counts(key, name, items.size(), cleared, progress, overdue, suspended);
    }

    private OffsetDateTime time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.zone()).toOffsetDateTime();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** For the API: the board without the chart geometry, plus the figures as plain maps. */
    static Map<String, Object> summary(Board b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaignId", b.campaign().id());
        m.put("name", b.campaign().name());
        m.put("clearanceAt", b.campaign().clearanceAt());
        m.put("total", b.total());
        m.put("byUnit", b.byUnit());
        m.put("byStreet", b.byStreet());
        m.put("burnDown", b.burnDown());
        m.put("projection", b.projection());
        m.put("atRisk", b.atRisk());
        m.put("now", b.now());
        return m;
    }
}
