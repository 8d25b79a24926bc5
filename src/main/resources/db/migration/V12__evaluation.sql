-- Evaluation (考核): the monthly ranking (一月一评比) and the quarterly assessment, each kept as numbered versions,
-- and the volunteers' points ledger (积分制星级管理). Everything here is append-only.

-- One computed evaluation of one period. A recomputation that gives the same result (same rule-set version, same
-- rows and lines: result_hash) stores nothing; a different one becomes the next version, the older ones stay.
-- The unique keys keep two nodes from storing two versions with the same number or the same result twice in a row
-- (the writer also holds an advisory lock on the period while it compares and inserts).
create table evaluation_run (
    id               bigserial    primary key,
    kind             varchar(10)  not null check (kind in ('MONTH', 'QUARTER')),
    period           varchar(10)  not null,
    version          int          not null check (version >= 1),
    period_start     timestamptz  not null,
    period_end       timestamptz  not null,
    rule_set_version varchar(80)  not null,
    result_hash      char(64)     not null,
    computed_at      timestamptz  not null,
    trigger          varchar(10)  not null check (trigger in ('TIMER', 'MANUAL')),
    triggered_by     varchar(100) not null,
    reason           varchar(20)  not null check (reason in ('FIRST', 'RULES_CHANGED', 'DATA_CHANGED')),
    unique (kind, period, version)
);

-- One unit's row: its score, rank (null when it had nothing to be assessed on) and indicators.
create table evaluation_row (
    run_id      bigint       not null references evaluation_run (id),
    unit_code   varchar(40)  not null references unit (code),
    unit_name   varchar(100) not null,
    rank        int,
    score       numeric(6, 1) not null,
    deductions  numeric(6, 1) not null,
    credits     numeric(6, 1) not null,
    indicators  jsonb        not null,
    primary key (run_id, unit_code)
);

-- One deduction or credit: the case it is about (none for the unit's summary), the rule that made it.
create table evaluation_line (
    run_id      bigint        not null references evaluation_run (id),
    unit_code   varchar(40)   not null,
    seq         int           not null,
    kind        varchar(20)   not null,
    case_id     bigint        references rectification_case (id),
    case_number varchar(30),
    points      numeric(5, 1) not null,
    rule        varchar(200)  not null,
    reason      text          not null,
    primary key (run_id, unit_code, seq),
    foreign key (run_id, unit_code) references evaluation_row (run_id, unit_code)
);

create trigger evaluation_run_append_only before update or delete on evaluation_run
    for each row execute function forbid_history_rewrite();
create trigger evaluation_row_append_only before update or delete on evaluation_row
    for each row execute function forbid_history_rewrite();
create trigger evaluation_line_append_only before update or delete on evaluation_line
    for each row execute function forbid_history_rewrite();

-- Points a reporter earned, once per case (the case's closure verified the report as a real problem).
create table volunteer_points (
    id               bigserial    primary key,
    reporter         varchar(100) not null,
    reporter_name    varchar(100),
    case_id          bigint       not null unique references rectification_case (id),
    case_number      varchar(30)  not null,
    points           int          not null check (points > 0),
    total_after      int          not null,
    stars_after      int          not null check (stars_after between 0 and 5),
    rules            text[]       not null,
    rule_set_version varchar(80)  not null,
    awarded_at       timestamptz  not null
);
create index volunteer_points_reporter on volunteer_points (reporter, id);

create trigger volunteer_points_append_only before update or delete on volunteer_points
    for each row execute function forbid_history_rewrite();
