-- Counters of cases for the dashboard at a million cases (issue 13): how many cases there are by lead unit, grid
-- cell and status, how many were reported and closed on each day (Asia/Shanghai). Kept exact by statement triggers
-- on rectification_case, in the same transaction as the change, whichever door made it (API, console, engine,
-- seeder, psql).
--
-- The triggers only ever INSERT rows (+1 for the new state, -1 for the old one), never update a shared row: two
-- cases changing at once do not wait for each other, as they would on one counter row per key. A reader sums the
-- rows of a key; CaseTallies compacts each key's rows into one now and then (delete the rows it sees, insert
-- their sum, in one statement: rows committed meanwhile are left for the next round, so nothing is lost or
-- counted twice).
--
-- measure CASES: every case by (lead unit, grid, status), day unused ('epoch');
-- measure REPORTED: every case by (lead unit, grid, day reported), status unused ('');
-- measure CLOSED: the cases now CLOSED by (lead unit, grid, day closed), status unused ('');
-- measure DUE: the cases whose clock runs (open and not suspended) by (lead unit, grid, first day of the deadline's
-- month), status unused (''): the months before the current one are all overdue, so only the current month's
-- deadlines are left to compare with the clock (from the deadline index below).
-- No lead unit or grid is '' (the columns are NOT NULL so that compaction can join on plain equality).
create table case_tally (
    measure        varchar(10) not null check (measure in ('CASES', 'REPORTED', 'CLOSED', 'DUE')),
    lead_unit_code varchar(50) not null,
    grid_code      varchar(50) not null,
    status         varchar(40) not null,
    day            date        not null,
    n              bigint      not null,
    delta          boolean     not null default true
);
create index case_tally_key on case_tally (measure, day, lead_unit_code, grid_code, status) include (n);
create index case_tally_deltas on case_tally (measure) where delta;

-- The rows one case adds to the counters (and removes when it changes or goes).
create function case_tally_rows(case_lead_unit varchar, case_grid varchar, case_status varchar,
                                case_created_at timestamptz, case_closed_at timestamptz, case_deadline timestamptz)
    returns table (measure text, lead_unit_code text, grid_code text, status text, day date)
language sql stable as $$
    select 'CASES', coalesce($1, ''), coalesce($2, ''), $3::text, date 'epoch'
    union all
    select 'REPORTED', coalesce($1, ''), coalesce($2, ''), '', ($4 at time zone 'Asia/Shanghai')::date
    union all
    select 'CLOSED', coalesce($1, ''), coalesce($2, ''), '', ($5 at time zone 'Asia/Shanghai')::date
    where $3 = 'CLOSED' and $5 is not null
    union all
    select 'DUE', coalesce($1, ''), coalesce($2, ''), '', date_trunc('month', $6 at time zone 'Asia/Shanghai')::date
    where $6 is not null and $3 in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION',
                                    'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION')
$$;

create function case_tally_insert() returns trigger language plpgsql as $$
begin
    insert into case_tally (measure, lead_unit_code, grid_code, status, day, n)
    select t.measure, t.lead_unit_code, t.grid_code, t.status, t.day, count(*)
    from new_cases c cross join lateral case_tally_rows(c.lead_unit_code, c.grid_code, c.status, c.created_at, c.closed_at, c.deadline) t
    group by 1, 2, 3, 4, 5;
    return null;
end $$;

create function case_tally_update() returns trigger language plpgsql as $$
begin
    insert into case_tally (measure, lead_unit_code, grid_code, status, day, n)
    select t.measure, t.lead_unit_code, t.grid_code, t.status, t.day, sum(t.n)
    from (select r.*, 1 as n from new_cases c cross join lateral case_tally_rows(c.lead_unit_code, c.grid_code, c.status, c.created_at, c.closed_at, c.deadline) r
          union all
          select r.*, -1 as n from old_cases c cross join lateral case_tally_rows(c.lead_unit_code, c.grid_code, c.status, c.created_at, c.closed_at, c.deadline) r) t
    group by 1, 2, 3, 4, 5
    having sum(t.n) <> 0;
    return null;
end $$;

create function case_tally_delete() returns trigger language plpgsql as $$
begin
    insert into case_tally (measure, lead_unit_code, grid_code, status, day, n)
    select t.measure, t.lead_unit_code, t.grid_code, t.status, t.day, -count(*)
    from old_cases c cross join lateral case_tally_rows(c.lead_unit_code, c.grid_code, c.status, c.created_at, c.closed_at, c.deadline) t
    group by 1, 2, 3, 4, 5;
    return null;
end $$;

create function case_tally_truncate() returns trigger language plpgsql as $$
begin
    delete from case_tally;
    return null;
end $$;

create trigger case_tally_insert after insert on rectification_case
    referencing new table as new_cases for each statement execute function case_tally_insert();
create trigger case_tally_update after update on rectification_case
    referencing old table as old_cases new table as new_cases for each statement execute function case_tally_update();
create trigger case_tally_delete after delete on rectification_case
    referencing old table as old_cases for each statement execute function case_tally_delete();
create trigger case_tally_truncate after truncate on rectification_case
    for each statement execute function case_tally_truncate();

-- The cases there are now, already compacted.
insert into case_tally (measure, lead_unit_code, grid_code, status, day, n, delta)
select t.measure, t.lead_unit_code, t.grid_code, t.status, t.day, count(*), false
from rectification_case c cross join lateral case_tally_rows(c.lead_unit_code, c.grid_code, c.status, c.created_at, c.closed_at, c.deadline) t
group by 1, 2, 3, 4, 5;

-- Overdue and due today (deadline before now or within today): the running cases by deadline, with the scope's
-- columns, answered from the index alone. The list is written as Texts.RUNNING_SQL writes it.
create index rectification_case_running_deadline on rectification_case (deadline)
    include (lead_unit_code, grid_code, co_unit_codes, submitted_by, created_at, id)
    where status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION',
                     'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION');

-- The ranking's live preview asks, for each of tens of thousands of cases, whether it was rectified by its deadline
-- and whether an extension was approved (Scoring): one probe of a small index each, answered from the index alone,
-- instead of reading every event of the case.
create index case_event_rectified on case_event (case_id, occurred_at) where action = 'RECTIFIED';
create index case_event_extension_approved on case_event (case_id, occurred_at) where action = 'EXTENSION_APPROVED';

-- The ledger finds a page's ids in an index alone, then reads only those rows (Ledger.page): the indexes it walks
-- carry the id and the columns its filters and the viewer's scope need. Reported, newest first (the default order,
-- with the category, source and date filters); replaces V21's rectification_case_created_cover, which it extends.
create index rectification_case_created_ledger on rectification_case (created_at, id)
    include (lead_unit_code, grid_code, submitted_by, co_unit_codes, status, category_code, source);
drop index rectification_case_created_cover;
-- Open cases by deadline (a unit's open cases, soonest due first).
create index rectification_case_open_by_deadline on rectification_case (deadline, id)
    include (lead_unit_code, grid_code, submitted_by, co_unit_codes, status)
    where status not in ('REJECTED', 'CLOSED', 'VOIDED');
-- Running cases, newest first (the overdue and due-today filters in the default order): a page walks the newest
-- running cases in this index alone and stops after it has its 20.
create index rectification_case_running_created on rectification_case (created_at, id)
    include (grid_code, deadline, lead_unit_code, co_unit_codes, submitted_by)
    where status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION',
                     'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION');
