-- Consequences that are right: when each ladder step was due (so a late step is visible as late, and a step that
-- lost its purpose while the system was down is recorded as skipped, not back-dated), where each case stands on
-- the ladder (an indexed row per case for the ledger's column and filter), people of the units for decisions
-- against a named person, and the posts those decisions name.

alter table escalation_step
    add column due_at  timestamptz,
    add column skipped boolean not null default false;

-- The highest rung a case has reached: 1 预警, 2 催办, 3 督办中, 4 已移交纪工委, 5 已问责. Only ever raised, by the
-- escalation module on each step and by the discipline office's transfer and decision; no row means no step yet.
create table case_ladder_stage (
    case_id    bigint      primary key references rectification_case (id),
    stage      varchar(20) not null check (stage in ('WARNED', 'URGED', 'SUPERVISED', 'TRANSFERRED', 'DECIDED')),
    stage_rank int         not null check (stage_rank between 1 and 5),
    reached_at timestamptz not null
);
create index case_ladder_stage_stage on case_ladder_stage (stage, case_id);

insert into case_ladder_stage (case_id, stage, stage_rank, reached_at)
select case_id,
       (array['WARNED', 'URGED', 'SUPERVISED', 'TRANSFERRED', 'DECIDED'])[max(rank)],
       max(rank), max(at)
from (
    select case_id, case step when 'WARNING' then 1 when 'URGING' then 2 when 'SUPERVISION' then 3 else 4 end as rank,
           taken_at as at
    from escalation_step
    union all
    select case_id, 4, transferred_at from discipline_transfer
    union all
    select case_id, 5, decided_at from accountability_record
) steps
group by case_id;

-- The people of a unit whom a decision may name (主要负责人, 分管负责人, 具体责任人).
create table unit_person (
    id        bigserial    primary key,
    unit_code varchar(40)  not null references unit (code),
    name      varchar(50)  not null,
    post      varchar(20)  not null check (post in ('PRINCIPAL', 'DEPUTY', 'RESPONSIBLE')),
    title     varchar(100),
    active    boolean      not null default true,
    unique (unit_code, name, post)
);

-- A decision names a unit or one person by post; the older targets stay readable.
alter table accountability_record drop constraint accountability_record_target_check;
alter table accountability_record add constraint accountability_record_target_check
    check (target in ('UNIT', 'HANDLER', 'LEADER', 'PRINCIPAL', 'DEPUTY', 'RESPONSIBLE'));
alter table accountability_record add column person_id bigint references unit_person (id);
