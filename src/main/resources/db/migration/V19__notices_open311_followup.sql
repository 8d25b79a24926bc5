-- Notices (通知): channels per owner, editable templates, an outbox of notices and one delivery per notice and channel;
-- Open311 API keys; the reporter's follow-up (回访).

-- A way to reach an owner: a unit (its code), the discipline office ('discipline'), the campaign office
-- ('dispatcher') or the reporters ('reporters': the SMS gateway that texts a reporter's own phone).
-- audience UNIT reaches the unit's working group, LEADER its head and 包保 leader.
create table notice_channel (
    id               bigserial    primary key,
    owner            varchar(40)  not null,
    audience         varchar(10)  not null default 'UNIT' check (audience in ('UNIT', 'LEADER')),
    kind             varchar(10)  not null check (kind in ('WECOM', 'DINGTALK', 'SMS', 'EMAIL')),
    name             varchar(100) not null,
    endpoint         varchar(500) not null,
    secret           varchar(500),
    signing_secret   varchar(500),
    recipients       varchar(1000),
    settings         jsonb        not null default '{}',
    rate_per_minute  int          not null check (rate_per_minute between 1 and 10000),
    batch_size       int          not null default 10 check (batch_size between 1 and 50),
    quiet_start      time,
    quiet_end        time,
    enabled          boolean      not null default true,
    -- the sender's bookkeeping, written under the row's lock
    failures         int          not null default 0,
    retry_at         timestamptz,
    window_start     timestamptz,
    window_count     int          not null default 0,
    last_error       text,
    last_error_at    timestamptz,
    last_sent_at     timestamptz,
    created_by       varchar(100) not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index notice_channel_owner on notice_channel (owner);

-- A text the campaign office can edit (Freemarker); no row means the default from the application's resources.
create table notice_template (
    kind        varchar(40)  primary key,
    subject     varchar(200) not null,
    body        text         not null,
    updated_by  varchar(100) not null,
    updated_at  timestamptz  not null
);

-- One notice, written in the transaction of the step that causes it (the outbox).
create table notice (
    id          bigserial    primary key,
    kind        varchar(40)  not null,
    case_id     bigint       references rectification_case (id),
    owner       varchar(40)  not null,
    audiences   varchar(30)  not null,
    phone       varchar(30),
    subject     varchar(300) not null,
    body        text         not null,
    urgent      boolean      not null default false,
    created_at  timestamptz  not null
);
create index notice_case on notice (case_id);

-- One notice on one channel: sent at most once (the unique key, and the channel row locked while claiming).
create table notice_delivery (
    id           bigserial    primary key,
    notice_id    bigint       not null references notice (id),
    channel_id   bigint       not null references notice_channel (id),
    status       varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts     int          not null default 0,
    last_error   text,
    claimed_at   timestamptz,
    sent_at      timestamptz,
    unique (notice_id, channel_id)
);
create index notice_delivery_pending on notice_delivery (channel_id, id) where status in ('PENDING', 'SENDING');

-- Open311 GeoReport v2 API keys: only the SHA-256 of the key is kept; each key reports as one source.
create table open311_key (
    id               bigserial    primary key,
    name             varchar(100) not null,
    key_hash         char(64)     not null unique,
    key_prefix       varchar(12)  not null,
    source           varchar(30)  not null,
    rate_per_minute  int          not null check (rate_per_minute between 1 and 10000),
    window_start     timestamptz,
    window_count     int          not null default 0,
    created_by       varchar(100) not null,
    created_at       timestamptz  not null,
    revoked_at       timestamptz
);

-- Which case an Open311 request became (the key that filed it), so reads never show the reporter's own data.
create table open311_request (
    case_id     bigint       primary key references rectification_case (id),
    key_id      bigint       not null references open311_key (id),
    device_id   varchar(100),
    media_url   varchar(1000),
    created_at  timestamptz  not null
);

-- The reporter's follow-up of a closed public report: the unguessable token of the link, the answer and its photo.
create table followup (
    id                   bigserial    primary key,
    case_id              bigint       not null references rectification_case (id),
    round                int          not null,
    token                varchar(64)  not null unique,
    process_instance_id  varchar(64),
    asked_at             timestamptz  not null,
    wait_days            int          not null,
    answer               varchar(12)  check (answer in ('FIXED', 'NOT_FIXED', 'SILENT')),
    answered_at          timestamptz,
    comment              varchar(500),
    photo                bytea,
    photo_type           varchar(50),
    review_outcome       varchar(10)  check (review_outcome in ('PASS', 'FAIL')),
    reviewed_by          varchar(100),
    reviewed_at          timestamptz,
    unique (case_id, round)
);
