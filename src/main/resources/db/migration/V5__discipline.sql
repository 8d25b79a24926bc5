-- The discipline office (纪工委): transfers of cases, the accountability decided for them, and appeals.

-- One row per transfer of a case to the discipline office. Its status is workflow state and moves with the
-- process; what was decided lives in accountability_record, which is never changed.
create table discipline_transfer (
    id                  bigserial    primary key,
    case_id             bigint       not null references rectification_case (id),
    -- n in the business key: the case number + '-JJ' + n
    sequence            int          not null check (sequence >= 1),
    business_key        varchar(60)  not null unique,
    -- the unit held to account: the case's lead unit at the time of the transfer
    unit_code           varchar(40)  not null references unit (code),
    trigger_kind        varchar(40)  not null check (trigger_kind in
                            ('OVERDUE', 'REWORKED', 'SUPERVISION_ORDER_EXPIRED', 'CLEARANCE_DATE_PASSED')),
    detail              varchar(1000),
    transferred_at      timestamptz  not null,
    process_instance_id varchar(64),
    status              varchar(20)  not null check (status in
                            ('AWAITING_DECISION', 'NOTIFIED', 'APPEALED', 'EFFECTIVE', 'CANCELLED')),
    effective_at        timestamptz,
    closed_at           timestamptz,
    unique (case_id, sequence),
    check ((status in ('EFFECTIVE', 'CANCELLED')) = (closed_at is not null))
);
-- At most one open discipline process per case, whatever runs concurrently.
create unique index discipline_transfer_one_open on discipline_transfer (case_id) where closed_at is null;
create index discipline_transfer_unit on discipline_transfer (unit_code, transferred_at);

-- The unit's accountability record (问责记录). Append-only: the first decision is version 1; the review of an
-- appeal appends version 2 (upheld or changed), which supersedes version 1 without erasing it.
create table accountability_record (
    id               bigserial    primary key,
    transfer_id      bigint       not null references discipline_transfer (id),
    version          int          not null check (version >= 1),
    supersedes_id    bigint       references accountability_record (id),
    case_id          bigint       not null references rectification_case (id),
    unit_code        varchar(40)  not null references unit (code),
    basis            varchar(20)  not null check (basis in ('DECISION', 'APPEAL_UPHELD', 'APPEAL_CHANGED')),
    measure          varchar(40)  not null check (measure in
                         ('WRITTEN_SELF_CRITICISM', 'PUBLIC_CRITICISM', 'ADMONISHMENT_TALK', 'AWARDS_DISQUALIFICATION')),
    target           varchar(20)  not null check (target in ('UNIT', 'HANDLER', 'LEADER')),
    -- who exactly, in words: the unit's name, the handler's name and account, or the leader's name
    target_name      varchar(200) not null,
    -- what the rules proposed (version 1) or what stood before the review (version 2)
    proposed_measure varchar(40)  not null,
    proposed_target  varchar(20)  not null,
    follows_proposal boolean      not null,
    reason           text,
    rule_set_version varchar(80)  references rule_set (version),
    appeal_deadline  timestamptz,
    decided_by       varchar(100) not null,
    decided_at       timestamptz  not null,
    -- when the offence entered the unit's record: the first decision; later versions keep it, so a review
    -- never moves an offence into another quarter
    offence_at       timestamptz  not null,
    unique (transfer_id, version),
    check ((version = 1) = (supersedes_id is null)),
    check (follows_proposal or reason is not null)
);
create index accountability_record_unit on accountability_record (unit_code, offence_at);

-- The decision that stands for each transfer: its latest version.
create view accountability_current as
select distinct on (transfer_id) * from accountability_record order by transfer_id, version desc;

-- A unit appeals (申诉) at most once per transfer.
create table accountability_appeal (
    id          bigserial    primary key,
    transfer_id bigint       not null unique references discipline_transfer (id),
    record_id   bigint       not null references accountability_record (id),
    reason      text         not null,
    filed_by    varchar(100) not null,
    filed_at    timestamptz  not null
);

create trigger accountability_record_append_only before update or delete on accountability_record
    for each row execute function forbid_history_rewrite();
create trigger accountability_appeal_append_only before update or delete on accountability_appeal
    for each row execute function forbid_history_rewrite();
