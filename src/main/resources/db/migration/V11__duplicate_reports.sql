-- Duplicate reports (重复上报): a report of a problem that an open case already holds is linked to that case
-- instead of becoming a second case; the case counts its reports (the first one included).
alter table rectification_case add column report_count int not null default 1 check (report_count >= 1);

-- One linked report, with its reporter (volunteers earn no points for it) and what they wrote. Unlinking a
-- wrong match turns it into its own case (new_case_id); the row stays as the trace of what happened.
create table duplicate_report (
    id               bigserial    primary key,
    case_id          bigint       not null references rectification_case (id),
    category_code    varchar(40)  not null references category (code),
    severity         varchar(20)  not null,
    source           varchar(30)  not null,
    title            varchar(200) not null,
    description      text         not null,
    address          varchar(300) not null,
    latitude         numeric(9, 6),
    longitude        numeric(9, 6),
    grid_code        varchar(40)  references grid (code),
    reporter         varchar(100) not null,
    reporter_name    varchar(100),
    reporter_phone   varchar(30),
    submitted_by     varchar(100) not null,
    reported_at      timestamptz  not null,
    distance_metres  int,
    idempotency_key  varchar(200),
    unlinked_at      timestamptz,
    unlinked_by      varchar(100),
    unlink_reason    varchar(500),
    new_case_id      bigint       references rectification_case (id),
    check ((unlinked_at is null) = (new_case_id is null))
);
create index duplicate_report_case on duplicate_report (case_id, id);
create index duplicate_report_reporter on duplicate_report (reporter, reported_at);

-- The photos of a linked report stay with it: they become the before photos of its own case if it is unlinked.
create table duplicate_report_photo (
    id                  bigserial    primary key,
    duplicate_report_id bigint       not null references duplicate_report (id),
    file_name           varchar(200) not null,
    content_type        varchar(20)  not null,
    size_bytes          int          not null,
    sha256              char(64)     not null,
    content             bytea        not null
);
create index duplicate_report_photo_report on duplicate_report_photo (duplicate_report_id, id);

-- A retried linked report answers with the same link.
alter table idempotency_key add column duplicate_report_id bigint references duplicate_report (id);

-- The candidates of a new report: open cases of its category, recent, near it or in its grid cell.
create index rectification_case_open_by_position on rectification_case (category_code, latitude, longitude, created_at)
    where latitude is not null and status not in ('REJECTED', 'CLOSED', 'VOIDED');
create index rectification_case_open_by_grid on rectification_case (category_code, grid_code, created_at)
    where status not in ('REJECTED', 'CLOSED', 'VOIDED');
