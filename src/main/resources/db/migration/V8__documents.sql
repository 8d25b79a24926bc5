-- Official documents (公文) issued on cases: 整改通知书, 催办通知书, 督办令, 问责决定书.
-- Each keeps the exact HTML the unit received, so it can be shown again word for word; PDFs are rendered from it.
-- Numbers come from number_sequence (kind DOC_<TYPE>, per year) inside the issuing transaction: gap-free and unique.
create table document (
    id           bigserial    primary key,
    case_id      bigint       not null references rectification_case (id),
    type         varchar(30)  not null check (type in ('RECTIFICATION_NOTICE', 'URGING_NOTICE', 'SUPERVISION_ORDER',
                                                       'ACCOUNTABILITY_DECISION')),
    year         int          not null,
    sequence     int          not null check (sequence > 0),
    number       varchar(40)  not null unique,
    issued_at    timestamptz  not null,
    issued_by    varchar(100) not null,
    addressed_to varchar(200) not null,
    copied_to    text[]       not null default '{}',
    html         text         not null,
    -- what the caller passed for this type (overdue days, measure, reasons …), as given
    particulars  jsonb        not null default '{}',
    unique (type, year, sequence)
);
create index document_case on document (case_id, id);

-- An issued document is part of the record (全程留痕): it is never edited or removed; a correction is a new document.
create trigger document_append_only before update or delete on document
    for each row execute function forbid_history_rewrite();
