-- Rules as data (issue 4): every rule-set version with its files, every activation, the one version all nodes
-- run, and every attempt to change it (accepted or refused). The database, not a node, is the source of truth.

-- The files of a version, byte for byte (decision tables are XLSX). rule_set.files keeps a readable copy
-- (text files as text, each workbook sheet as CSV) for looking at a version with SQL.
create table rule_set_file (
    version varchar(80)  not null references rule_set (version),
    path    varchar(200) not null,
    content bytea        not null,
    sha256  char(64)     not null,
    primary key (version, path)
);

-- Each time a version became the active one: first activation, a hot reload, an upload, a re-activation.
create table rule_set_activation (
    id               bigserial    primary key,
    version          varchar(80)  not null references rule_set (version),
    activated_at     timestamptz  not null,
    activated_by     varchar(100) not null,
    how              varchar(20)  not null check (how in ('STARTUP', 'FOLDER', 'UPLOAD', 'REACTIVATION')),
    previous_version varchar(80)  references rule_set (version),
    comment          varchar(500)
);
create index rule_set_activation_version on rule_set_activation (version, id);

-- The one row every node polls: the latest activation is what all nodes decide with.
create table rule_set_active (
    singleton     boolean primary key default true check (singleton),
    activation_id bigint  not null references rule_set_activation (id)
);

-- Every candidate that went through the gate (compile + scenarios), with what was wrong if it was refused.
-- A refused candidate's files are not kept: its version is not a rule_set row.
create table rule_set_attempt (
    id                bigserial    primary key,
    attempted_at      timestamptz  not null,
    attempted_by      varchar(100) not null,
    how               varchar(20)  not null check (how in ('STARTUP', 'FOLDER', 'UPLOAD', 'REACTIVATION')),
    version           varchar(80)  not null,
    outcome           varchar(20)  not null check (outcome in ('ACTIVATED', 'REJECTED', 'UNCHANGED', 'NOT_REACTIVATED')),
    problems          jsonb        not null default '[]',
    scenarios_run     int,
    scenarios_passed  int
);
create index rule_set_attempt_recent on rule_set_attempt (id desc);

create trigger rule_set_file_append_only before update or delete on rule_set_file
    for each row execute function forbid_history_rewrite();
create trigger rule_set_activation_append_only before update or delete on rule_set_activation
    for each row execute function forbid_history_rewrite();
create trigger rule_set_attempt_append_only before update or delete on rule_set_attempt
    for each row execute function forbid_history_rewrite();
create trigger rule_set_append_only before update or delete on rule_set
    for each row execute function forbid_history_rewrite();
