-- Campaigns (专项整治 / 迎检 / 问题清单): a named drive with a clearance date (清零时限) whose inspection lists
-- are imported as cases. Imports keep their progress here, not in a node's memory: several nodes share this
-- database and any of them may be asked how far an import has come.

create table campaign (
    id                  bigserial     primary key,
    name                varchar(200)  not null,
    source_level        varchar(20)   not null check (source_level in ('DISTRICT', 'CITY', 'PROVINCIAL', 'NATIONAL')),
    starts_on           date          not null,
    clearance_at        timestamptz   not null,
    category_codes      varchar(40)[] not null default '{}',
    street_codes        varchar(40)[] not null default '{}',
    owner               varchar(100)  not null,
    description         varchar(2000),
    process_instance_id varchar(64),
    created_by          varchar(100)  not null,
    created_at          timestamptz   not null,
    escalated_at        timestamptz,
    check (clearance_at > starts_on)
);

-- Set when the case is inserted, before its process starts: routing and the time limit read it.
alter table rectification_case add column campaign_id bigint references campaign (id);
create index rectification_case_campaign on rectification_case (campaign_id, status);

-- One item of a campaign's problem list, keyed by its item number (序号) so that importing the same list twice,
-- or re-running an interrupted import, never creates a case twice.
create table campaign_item (
    campaign_id         bigint        not null references campaign (id),
    item_no             varchar(50)   not null,
    row_hash            varchar(64)   not null,
    case_id             bigint        references rectification_case (id),
    photo_file_names    varchar(1000),
    suggested_unit_code varchar(40)   references unit (code),
    import_id           bigint        not null,
    primary key (campaign_id, item_no)
);
create unique index campaign_item_case on campaign_item (case_id);

create table campaign_import (
    id           bigserial     primary key,
    campaign_id  bigint        not null references campaign (id),
    file_name    varchar(300)  not null,
    file_sha256  varchar(64)   not null,
    state        varchar(20)   not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    total_rows   int           not null,
    rows_done    int           not null default 0,
    imported     int           not null default 0,
    already      int           not null default 0,
    rejected     int           not null default 0,
    started_by   varchar(100)  not null,
    started_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    finished_at  timestamptz,
    error        text
);
create index campaign_import_campaign on campaign_import (campaign_id, id desc);

-- Each row of an uploaded list with its validated content (data) and what became of it.
create table campaign_import_row (
    import_id  bigint       not null references campaign_import (id),
    row_number int          not null,
    item_no    varchar(50),
    outcome    varchar(20)  not null check (outcome in ('PENDING', 'IMPORTED', 'ALREADY_IMPORTED', 'REJECTED')),
    message    text,
    case_id    bigint       references rectification_case (id),
    data       jsonb,
    primary key (import_id, row_number)
);
create index campaign_import_row_pending on campaign_import_row (import_id, row_number) where outcome = 'PENDING';
