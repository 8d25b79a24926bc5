-- Tasks as well as problems (三单督查): the task breakdown table (任务分解表), each task worked as a process
-- (任务清单), the verified achievements with their evidence (业绩清单), and the leaders who answer for units,
-- areas and tasks (领导包保). All tables are owned by org.rectify.tasks.

create table task_breakdown (
    id          bigserial primary key,
    name        varchar(200) not null unique,
    created_at  timestamptz not null,
    created_by  varchar(100) not null
);

create table task_leader (
    id      bigserial primary key,
    name    varchar(50) not null unique,
    title   varchar(100),
    account varchar(100) unique
);

create table task (
    id                  bigserial primary key,
    breakdown_id        bigint not null references task_breakdown (id),
    task_no             varchar(40) not null,
    content             varchar(1000) not null,
    standard            varchar(1000) not null,
    target_value        numeric(12, 2),
    target_unit         varchar(20),
    item_code           varchar(40) not null,
    item_name           varchar(200) not null,
    lead_unit_code      varchar(40) not null references unit (code),
    leader_id           bigint references task_leader (id),
    deadline            date,
    recurrence          varchar(20) not null,
    weight              numeric(6, 2) not null,
    evidence_required   varchar(100) not null,
    status              varchar(20) not null,
    process_instance_id varchar(64),
    created_at          timestamptz not null,
    acknowledged_at     timestamptz,
    last_report_at      timestamptz,
    submitted_at        timestamptz,
    achieved_at         timestamptz,
    achieved_on_time    boolean,
    latest_figure       numeric(12, 2),
    unique (breakdown_id, task_no)
);
create index task_item on task (item_code);

-- the units a task is for: its lead unit (which works the process) and the co-units
create table task_unit (
    task_id   bigint not null references task (id),
    unit_code varchar(40) not null references unit (code),
    role      varchar(10) not null,
    primary key (task_id, unit_code)
);
create index task_unit_by_unit on task_unit (unit_code);

create table task_import (
    id           bigserial primary key,
    breakdown_id bigint not null references task_breakdown (id),
    file_name    varchar(300) not null,
    imported_at  timestamptz not null,
    imported_by  varchar(100) not null,
    total_rows   int not null,
    created      int not null,
    unchanged    int not null,
    rejected     int not null,
    report       text not null
);

-- what happened to a task, step by step (全程留痕): acknowledgement, progress reports, completion, reviews,
-- ladder steps, transfers, linked problems
create table task_event (
    id          bigserial primary key,
    task_id     bigint not null references task (id),
    at          timestamptz not null,
    actor       varchar(100) not null,
    kind        varchar(30) not null,
    text        varchar(2000),
    figure      numeric(12, 2),
    cycle       int not null default 0,
    passed      boolean
);
create index task_event_by_task on task_event (task_id, at);
-- a ladder step is taken once per task and reporting cycle, across retries and nodes
create unique index task_event_ladder_once on task_event (task_id, kind, cycle)
    where kind in ('WARNING', 'URGING', 'SUPERVISION', 'TRANSFER');

create table task_evidence (
    id           bigserial primary key,
    task_id      bigint not null references task (id),
    event_id     bigint not null references task_event (id),
    kind         varchar(20) not null,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    content      bytea not null,
    created_at   timestamptz not null
);
create index task_evidence_by_task on task_evidence (task_id);

-- a task transferred to the discipline office (纪工委): recorded here, worked in processes/task.bpmn
create table task_transfer (
    id             bigserial primary key,
    task_id        bigint not null references task (id),
    unit_code      varchar(40) not null,
    reason         varchar(1000) not null,
    transferred_at timestamptz not null,
    decided_at     timestamptz,
    decided_by     varchar(100),
    decision       varchar(1000)
);

-- 问题清单 ↔ 任务清单: problems found while checking a task
create table task_case (
    task_id    bigint not null references task (id),
    case_id    bigint not null,
    created_at timestamptz not null,
    created_by varchar(100) not null,
    primary key (task_id, case_id)
);

-- 领导包保: a leader answers for a unit, an area (a street) or a task
create table task_leader_assignment (
    leader_id bigint not null references task_leader (id),
    kind      varchar(10) not null,
    target    varchar(40) not null,
    primary key (leader_id, kind, target)
);
