package org.rectify.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.rectify.cases.NumberSequences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk demo data for trying the console at scale and for its benchmark: {@code --rectify.console.seed-cases=100000}
 * makes sure at least that many seeded cases exist, written straight into the case and history tables by a few
 * set-based statements (no process instances: these cases are history, not work in progress), spread over the
 * last year, the demo units, streets, categories, sources and statuses, then runs ANALYZE. With
 * {@code --rectify.console.seed-exit=true} the application stops afterwards. Needs the demo catalog (demo profile).
 * Seeded cases are marked {@code submitted_by = 'bench-seed'}; use a separate data directory for them, because
 * history rows cannot be deleted.
 */
@Component
class CaseSeeder {

    static final String MARK = "bench-seed";
    private static final Logger log = LoggerFactory.getLogger(CaseSeeder.class);

    private final JdbcClient jdbc;
    private final NumberSequences numbers;
    private final TransactionTemplate transactions;
    private final ApplicationContext context;
    private final int wanted;
    private final boolean exit;

    CaseSeeder(JdbcClient jdbc, NumberSequences numbers, TransactionTemplate transactions, ApplicationContext context,
            @Value("${rectify.console.seed-cases:0}") int wanted, @Value("${rectify.console.seed-exit:false}") boolean exit) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.transactions = transactions;
        this.context = context;
        this.wanted = wanted;
        this.exit = exit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedIfAsked() {
        if (wanted <= 0) {
            return;
        }
        int created = seed(wanted);
        log.info("Seeding done: {} new cases; {} seeded cases in total", created, seededCount());
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    long seededCount() {
        return jdbc.sql("select count(*) from rectification_case where submitted_by = :mark").param("mark", MARK)
                .query(Long.class).single();
    }

    /** Adds seeded cases until there are {@code total}; returns how many it added. */
    int seed(int total) {
        long existing = seededCount();
        int missing = (int) Math.max(0, total - existing);
        if (missing == 0) {
            log.info("Seeding: {} seeded cases exist already, nothing to add", existing);
            return 0;
        }
        Long categories = jdbc.sql("select count(*) from category where active").query(Long.class).single();
        Long grids = jdbc.sql("select count(*) from grid").query(Long.class).single();
        if (categories == 0 || grids == 0) {
            throw new IllegalStateException("Seeding needs the demo catalog (categories and grids): run with the demo profile");
        }
        Instant started = Instant.now();
        log.info("Seeding {} cases …", missing);
        transactions.executeWithoutResult(status -> {
            long before = jdbc.sql("select coalesce(max(id), 0) from rectification_case").query(Long.class).single();
            jdbc.sql("select setseed(0.4242)").query((rs, n) -> 1).list();
            jdbc.sql(INSERT_CASES).param("n", missing).param("mark", MARK).update();
            List<Integer> years = jdbc.sql("""
                    select distinct extract(year from created_at at time zone 'Asia/Shanghai')::int from rectification_case
                    where id > :before""").param("before", before).query(Integer.class).list();
            // the live case numbers come from a sequence with gaps: the seeded ones continue after it, and it after them
            years.forEach(year -> jdbc.sql("""
                    insert into number_sequence (kind, year, last_value) values ('CASE', :year, :last)
                    on conflict (kind, year) do update set last_value = greatest(number_sequence.last_value, excluded.last_value)""")
                    .param("year", year).param("last", numbers.lastWithGaps("CASE", year)).update());
            jdbc.sql(NUMBER_SEQUENCES).param("before", before).update();
            years.forEach(year -> numbers.advanceWithGaps("CASE", year, jdbc.sql(
                    "select last_value from number_sequence where kind = 'CASE' and year = :year")
                    .param("year", year).query(Long.class).single()));
            jdbc.sql(INSERT_EVENTS).param("before", before).param("mark", MARK).update();
        });
        // VACUUM as well: it marks the new rows visible to all in the visibility map, without which the covering
        // indexes (V21) cannot answer the dashboard from the index alone until autovacuum comes by.
        jdbc.sql("vacuum (analyze) rectification_case").update();
        jdbc.sql("vacuum (analyze) case_event").update();
        log.info("Seeded {} cases with their history in {} s (and ran VACUUM ANALYZE)", missing,
                Duration.between(started, Instant.now()).toSeconds());
        return missing;
    }

    /**
     * One statement: picks category, grid, source, severity, dates and a status that fits the case's age. Case
     * numbers are placeholders here and renumbered per year right after, continuing the real sequence.
     */
    private static final String INSERT_CASES = """
            with cats as (select array_agg(code order by code) as codes, array_agg(name order by code) as names,
                                 array_agg(default_unit_code order by code) as units from category where active),
                 grids as (select array_agg(g.code order by g.code) as codes, array_agg(c.parent_code order by g.code) as streets
                           from grid g join unit c on c.code = g.community_code),
                 roads as (select array['星河路','明珠大道','锦绣街','翠湖路','青云路','松涛街','科技大道','创新路','云谷路',
                                        '天府五街','高新南路','益州大道','府城大道','紫薇东路','吉泰三路','剑南大道'] as names),
                 base as (
                     select i,
                            now() - (365 * power(random(), 1.15)) * interval '1 day' as created_at,
                            random() as r_status, random() as r_late, random() as r_unit, random() as r_grid,
                            random() as r_source, random() as r_severity, random() as r_rework,
                            1 + floor(random() * (select array_length(codes, 1) from cats))::int as cat,
                            1 + floor(random() * (select array_length(codes, 1) from grids))::int as grid,
                            1 + floor(random() * 16)::int as road, 1 + floor(random() * 300)::int as door,
                            2 + floor(random() * 9)::int as limit_days
                     from generate_series(1, :n) as i),
                 shaped as (
                     select b.*, cats.codes[b.cat] as category_code, cats.names[b.cat] as category_name,
                            case when b.r_grid < 0.92 then grids.codes[b.grid] end as grid_code,
                            case when b.r_unit < 0.72 or b.r_grid >= 0.92 then cats.units[b.cat] else grids.streets[b.grid] end as unit,
                            roads.names[b.road] || b.door || '号' as address,
                            b.created_at + b.limit_days * interval '1 day' + interval '18 hours' as deadline,
                            extract(epoch from now() - b.created_at) / 86400 as age_days,
                            case when b.r_source < 0.40 then 'PATROL' when b.r_source < 0.60 then 'GRID'
                                 when b.r_source < 0.75 then 'CITIZEN' when b.r_source < 0.82 then 'VOLUNTEER'
                                 when b.r_source < 0.90 then 'HOTLINE' when b.r_source < 0.97 then 'SUPERVISION'
                                 when b.r_source < 0.99 then 'PROVINCIAL_INSPECTION' else 'NATIONAL_INSPECTION' end as source,
                            case when b.r_severity < 0.75 then 'GENERAL' when b.r_severity < 0.95 then 'SERIOUS' else 'URGENT' end as severity
                     from base b, cats, grids, roads),
                 statused as (
                     select s.*,
                            case when s.age_days > 30 then
                                     case when s.r_status < 0.90 then 'CLOSED' when s.r_status < 0.95 then 'REJECTED'
                                          when s.r_status < 0.96 then 'VOIDED' when s.r_status < 0.985 then 'SUSPENDED'
                                          when s.r_status < 0.995 then 'IN_RECTIFICATION' else 'AWAITING_VERIFICATION' end
                                 when s.age_days > 0.5 then
                                     case when s.r_status < 0.45 then 'CLOSED' when s.r_status < 0.66 then 'IN_RECTIFICATION'
                                          when s.r_status < 0.76 then 'AWAITING_ACCEPTANCE' when s.r_status < 0.86 then 'AWAITING_VERIFICATION'
                                          when s.r_status < 0.91 then 'PENDING_CHECK' when s.r_status < 0.94 then 'RETURNED'
                                          when s.r_status < 0.97 then 'REJECTED' else 'SUSPENDED' end
                                 else case when s.r_status < 0.3 then 'PENDING_CHECK' else 'AWAITING_ACCEPTANCE' end
                            end as status
                     from shaped s)
            insert into rectification_case (case_number, status, category_code, severity, source, title, description,
                address, latitude, longitude, grid_code, reporter, reporter_name, submitted_by, lead_unit_code,
                deadline, rework_count, rejection_reason, created_at, closed_at, updated_at)
            select 'SEED-' || i, status, category_code, severity, source,
                   category_name || '：' || address,
                   '巡查发现' || address || '存在' || category_name || '问题，请责任单位按时限整改并上传整改前后照片。',
                   address,
                   case when grid_code is not null then round((30.560 + (grid % 4) * 0.011 + random() * 0.010)::numeric, 6) end,
                   case when grid_code is not null then round((104.040 + (grid % 3) * 0.014 + random() * 0.012)::numeric, 6) end,
                   grid_code, 'patrol', '巡查员', :mark,
                   case when status = 'PENDING_CHECK' then null else unit end,
                   case when status in ('PENDING_CHECK', 'REJECTED') then null else deadline end,
                   case when status in ('CLOSED', 'AWAITING_VERIFICATION', 'IN_RECTIFICATION') and r_rework < 0.10 then 1
                        when status = 'CLOSED' and r_rework < 0.12 then 2 else 0 end,
                   case when status = 'REJECTED' then 'NOT_A_PROBLEM' end,
                   created_at,
                   case when status = 'CLOSED' then created_at + (deadline - created_at) * (0.2 + r_late * 0.95)
                        when status in ('REJECTED', 'VOIDED') then created_at + interval '20 hours' end,
                   created_at
            from statused""";

    /** Real case numbers, continuing each year's sequence, and the sequence moved past them. */
    private static final String NUMBER_SEQUENCES = """
            with numbered as (
                select c.id, extract(year from c.created_at at time zone 'Asia/Shanghai')::int as year,
                       row_number() over (partition by extract(year from c.created_at at time zone 'Asia/Shanghai')
                                          order by c.created_at, c.id) as n
                from rectification_case c where c.id > :before),
            offsets as (
                select y.year, coalesce(s.last_value, 0) as start
                from (select distinct year from numbered) y
                left join number_sequence s on s.kind = 'CASE' and s.year = y.year),
            renumbered as (
                update rectification_case c set case_number = 'ZG-' || n.year || '-' || lpad((o.start + n.n)::text, 6, '0')
                from numbered n join offsets o on o.year = n.year where c.id = n.id
                returning n.year, o.start + n.n as number)
            insert into number_sequence (kind, year, last_value)
            select 'CASE', year, max(number) from renumbered group by year
            on conflict (kind, year) do update set last_value = greatest(number_sequence.last_value, excluded.last_value)""";

    /** The history the seeded cases would have: reported, assigned, worked, closed, reworked, escalated. */
    private static final String INSERT_EVENTS = """
            insert into case_event (case_id, occurred_at, actor, action, summary, details)
            select e.case_id, e.at, e.actor, e.action, e.summary, '{"seeded": true}'::jsonb from (
                select c.id as case_id, c.created_at as at, 'patrol' as actor, 'REPORTED' as action,
                       '日常巡查上报：' || c.title as summary, 1 as k
                from rectification_case c where c.id > :before and c.submitted_by = :mark
                union all
                select c.id, c.created_at + interval '5 minutes', '系统', 'ASSIGNED',
                       '派遣至' || u.name || '，整改时限至 ' || to_char(c.deadline at time zone 'Asia/Shanghai', 'YYYY"年"FMMM"月"FMDD"日" HH24:MI'), 2
                from rectification_case c join unit u on u.code = c.lead_unit_code
                where c.id > :before and c.submitted_by = :mark and c.deadline is not null
                union all
                select c.id, c.created_at + interval '3 hours', c.lead_unit_code || '-handler', 'ACCEPTED', u.name || '签收', 3
                from rectification_case c join unit u on u.code = c.lead_unit_code
                where c.id > :before and c.submitted_by = :mark
                  and c.status in ('CLOSED', 'IN_RECTIFICATION', 'AWAITING_VERIFICATION', 'SUSPENDED')
                union all
                select c.id, c.closed_at - (c.closed_at - c.created_at) * 0.4, 'supervisor', 'VERIFICATION_FAILED',
                       '核查不通过，需返工：现场仍有遗留问题', 4
                from rectification_case c where c.id > :before and c.submitted_by = :mark and c.rework_count > 0 and c.closed_at is not null
                union all
                select c.id, c.deadline + interval '3 days', '系统', 'ESCALATION_SUPERVISION',
                       '超期 3 个工作日仍未整改，下发督办', 5
                from rectification_case c
                where c.id > :before and c.submitted_by = :mark and c.deadline is not null
                  and coalesce(c.closed_at, now()) > c.deadline + interval '3 days' and (c.id % 4) = 0
                  and c.deadline + interval '3 days' < now()
                union all
                select c.id, c.deadline + interval '9 days', '系统', 'ESCALATION_TRANSFER',
                       '督办后仍未落实，移交纪工委', 6
                from rectification_case c
                where c.id > :before and c.submitted_by = :mark and c.deadline is not null
                  and coalesce(c.closed_at, now()) > c.deadline + interval '9 days' and (c.id % 12) = 0
                  and c.deadline + interval '9 days' < now()
                union all
                select c.id, c.closed_at - interval '2 hours', c.lead_unit_code || '-handler', 'RECTIFIED',
                       '提交整改：已按要求整改到位', 7
                from rectification_case c where c.id > :before and c.submitted_by = :mark and c.status = 'CLOSED'
                union all
                select c.id, c.closed_at, 'supervisor', 'VERIFIED', '核查通过', 8
                from rectification_case c where c.id > :before and c.submitted_by = :mark and c.status = 'CLOSED'
                union all
                select c.id, c.closed_at, '系统', 'CLOSED', '销号', 9
                from rectification_case c where c.id > :before and c.submitted_by = :mark and c.status = 'CLOSED'
                union all
                select c.id, c.closed_at, 'dispatcher', 'REJECTED', '不予立案：经核实不是问题', 10
                from rectification_case c where c.id > :before and c.submitted_by = :mark and c.status = 'REJECTED'
            ) e order by e.case_id, e.at, e.k""";
}
