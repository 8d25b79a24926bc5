-- 我的待办's actions sent from a phone: a submission sent again with the same Idempotency-Key (the network dropped
-- before the answer arrived) is answered with the first outcome and not applied twice. The row is written in the
-- transaction that applies the step, so it exists exactly when the step was applied.
create table console_submission (
    principal    varchar(100) not null,
    key          varchar(200) not null,
    request_hash char(64)     not null,
    -- null only while the first attempt is still running, inside its own transaction
    outcome      text,
    case_number  varchar(30),
    created_at   timestamptz  not null,
    primary key (principal, key)
);
