-- The escalation ladder, extensions, suspension and voiding.

-- Each time a case gets a deadline (assignment, reassignment, rework, extension, resumption) its round goes
-- up; a ladder step happens at most once per round, so a retried or doubled timer job changes nothing.
alter table rectification_case
    add column deadline_round      int          not null default 0,
    add column deadline_set_at     timestamptz,
    add column extension_count     int          not null default 0,
    add column suspended_at        timestamptz,
    add column suspended_remaining_seconds bigint,
    add column void_reason         varchar(500);

update rectification_case set deadline_set_at = coalesce(updated_at, created_at) where deadline is not null;

create table escalation_step (
    case_id  bigint      not null references rectification_case (id),
    round    int         not null,
    step     varchar(20) not null check (step in ('WARNING', 'URGING', 'SUPERVISION', 'TRANSFER')),
    taken_at timestamptz not null,
    primary key (case_id, round, step)
);
