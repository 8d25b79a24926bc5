-- Rectify's own tables. Camunda keeps its ACT_* tables in the same schema and manages them itself.

-- Units: line departments (条) and the territorial hierarchy (块) street → community. Each unit is also a
-- Camunda group with the same id, so Tasklist shows a handler only their unit's tasks.
create table unit (
    code        varchar(40)  primary key,
    name        varchar(100) not null unique,
    kind        varchar(20)  not null check (kind in ('DEPARTMENT', 'STREET', 'COMMUNITY')),
    parent_code varchar(40)  references unit (code),
    leader_name varchar(50),
    active      boolean      not null default true,
    check ((kind = 'COMMUNITY') = (parent_code is not null))
);

create table grid (
    code           varchar(40)  primary key,
    name           varchar(100) not null,
    community_code varchar(40)  not null references unit (code)
);

create table category (
    code              varchar(40)  primary key,
    name              varchar(100) not null unique,
    default_unit_code varchar(40)  not null references unit (code),
    active            boolean      not null default true
);

-- Every activated rule set, so that any decision can be explained against the exact rules that made it.
create table rule_set (
    version      varchar(80)  primary key,
    content_hash varchar(64)  not null,
    activated_at timestamptz  not null default now(),
    activated_by varchar(100) not null,
    files        jsonb        not null
);

-- Gap-free numbers per kind and year (case numbers now, document numbers later): the row lock taken by
-- UPDATE … RETURNING serialises concurrent callers, and a rollback gives the number back.
create table number_sequence (
    kind       varchar(40) not null,
    year       int         not null,
    last_value int         not null,
    primary key (kind, year)
);

create table rectification_case (
    id                  bigserial    primary key,
    case_number         varchar(30)  not null unique,
    status              varchar(30)  not null,
    category_code       varchar(40)  not null references category (code),
    severity            varchar(20)  not null,
    source              varchar(30)  not null,
    title               varchar(200) not null,
    description         text         not null,
    address             varchar(300) not null,
    latitude            numeric(9, 6),
    longitude           numeric(9, 6),
    grid_code           varchar(40)  references grid (code),
    reporter            varchar(100) not null,
    reporter_name       varchar(100),
    reporter_phone      varchar(30),
    submitted_by        varchar(100) not null,
    lead_unit_code      varchar(40)  references unit (code),
    co_unit_codes       varchar(40)[] not null default '{}',
    deadline            timestamptz,
    deadline_provisional boolean     not null default false,
    rework_count        int          not null default 0,
    process_instance_id varchar(64),
    rejection_reason    varchar(30),
    rejection_comment   varchar(500),
    duplicate_of        varchar(30),
    created_at          timestamptz  not null,
    closed_at           timestamptz,
    updated_at          timestamptz  not null
);
create index rectification_case_status on rectification_case (status);
create index rectification_case_lead_unit on rectification_case (lead_unit_code, status);
create index rectification_case_created on rectification_case (created_at desc);

-- The case's history: append-only, so that no step can be quietly changed afterwards (全程留痕).
create table case_event (
    id          bigserial    primary key,
    case_id     bigint       not null references rectification_case (id),
    occurred_at timestamptz  not null,
    actor       varchar(100) not null,
    action      varchar(40)  not null,
    summary     text         not null,
    details     jsonb        not null default '{}'
);
create index case_event_case on case_event (case_id, id);

-- Each rule decision with what it was based on, which rules fired and under which rule-set version.
create table decision (
    id               bigserial    primary key,
    case_id          bigint       not null references rectification_case (id),
    kind             varchar(30)  not null,
    made_at          timestamptz  not null,
    rule_set_version varchar(80)  not null references rule_set (version),
    fired_rules      text[]       not null,
    inputs           jsonb        not null,
    outcome          jsonb        not null,
    explanation      text         not null
);
create index decision_case on decision (case_id, id);

create table photo (
    id           bigserial    primary key,
    case_id      bigint       not null references rectification_case (id),
    stage        varchar(20)  not null check (stage in ('BEFORE', 'AFTER')),
    file_name    varchar(200) not null,
    content_type varchar(20)  not null,
    size_bytes   int          not null,
    sha256       char(64)     not null,
    content      bytea        not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz  not null
);
create index photo_case on photo (case_id, id);

-- A retried report with the same Idempotency-Key from the same account answers with the first case.
create table idempotency_key (
    principal    varchar(100) not null,
    key          varchar(200) not null,
    request_hash char(64)     not null,
    -- null only while the first attempt is still running, inside its own transaction
    case_id      bigint       references rectification_case (id),
    created_at   timestamptz  not null,
    primary key (principal, key)
);

create function forbid_history_rewrite() returns trigger language plpgsql as $$
begin
    raise exception 'history rows are append-only (table %)', tg_table_name;
end;
$$;

create trigger case_event_append_only before update or delete on case_event
    for each row execute function forbid_history_rewrite();
create trigger decision_append_only before update or delete on decision
    for each row execute function forbid_history_rewrite();
