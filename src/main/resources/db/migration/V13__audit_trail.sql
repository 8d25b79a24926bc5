-- The audit trail (module audit) and tamper evidence for the records that prove what happened: case history
-- (case_event), photos, issued documents and the audit log itself.
--
-- Every protected row carries the SHA-256 of its chain's previous row (prev_hash) and its own (row_hash =
-- SHA-256(prev_hash || canonical payload)), with chain_seq numbering the chain without gaps. Case history, photos
-- and documents are chained per case (a case's rows are already written one step at a time, under the case row's
-- lock); the audit log is one global chain, written in short transactions of its own. The hashes are computed by
-- BEFORE INSERT triggers, so every writer (Java, a migration, psql) chains its rows the same way, and
-- GET /api/admin/integrity recomputes them with the same payload functions.

-- Who signed in, who failed, every write through any door, every administrative act, every audited domain act.
create table audit_event (
    id             bigserial     primary key,
    chain_seq      bigint        not null,
    occurred_at    timestamptz   not null,
    -- SIGN_IN (a sign-in attempt), WRITE (an HTTP request that may change something), ACT (a domain act)
    category       varchar(20)   not null check (category in ('SIGN_IN', 'WRITE', 'ACT')),
    -- a stable English name: sign-in.console, clock.move, rules.change, case.accept, http.write …
    action         varchar(80)   not null,
    actor          varchar(100)  not null,
    outcome        varchar(20)   not null check (outcome in ('DONE', 'REFUSED', 'FAILED', 'THROTTLED')),
    case_id        bigint,
    http_method    varchar(10),
    path           varchar(500),
    http_status    int,
    client_address varchar(100),
    user_agent     varchar(300),
    detail         varchar(2000),
    prev_hash      char(64),
    row_hash       char(64)      not null
);
create unique index audit_event_chain on audit_event (chain_seq);
create index audit_event_time on audit_event (occurred_at);
create index audit_event_actor on audit_event (actor, id);
create index audit_event_case on audit_event (case_id, id) where case_id is not null;

-- Failed sign-ins per account and per client address, shared by every node (never one node's memory).
create table sign_in_throttle (
    key             varchar(200) primary key,
    failures        int          not null,
    last_failure_at timestamptz  not null,
    locked_until    timestamptz
);

alter table case_event add column chain_seq bigint, add column prev_hash char(64), add column row_hash char(64);
alter table photo add column chain_seq bigint, add column prev_hash char(64), add column row_hash char(64);
alter table document add column chain_seq bigint, add column prev_hash char(64), add column row_hash char(64);

-- Canonical payloads: JSON arrays of the columns that matter, times as epoch seconds (independent of the session's
-- time zone), jsonb as its normalised text.
create function chain_payload(r case_event) returns bytea language sql immutable as $$
    select convert_to(json_build_array((r).id, (r).case_id, (r).chain_seq, extract(epoch from (r).occurred_at), (r).actor,
        (r).action, (r).summary, (r).details)::text, 'UTF8')
$$;
create function chain_payload(r photo) returns bytea language sql immutable as $$
    select convert_to(json_build_array((r).id, (r).case_id, (r).chain_seq, (r).stage, (r).file_name, (r).content_type,
        (r).size_bytes, (r).sha256, encode(sha256((r).content), 'hex'), (r).uploaded_by,
        extract(epoch from (r).uploaded_at))::text, 'UTF8')
$$;
create function chain_payload(r document) returns bytea language sql immutable as $$
    select convert_to(json_build_array((r).id, (r).case_id, (r).chain_seq, (r).type, (r).year, (r).sequence, (r).number,
        extract(epoch from (r).issued_at), (r).issued_by, (r).addressed_to, (r).copied_to, encode(sha256(convert_to((r).html, 'UTF8')), 'hex'),
        (r).particulars)::text, 'UTF8')
$$;
create function chain_payload(r audit_event) returns bytea language sql immutable as $$
    select convert_to(json_build_array((r).id, (r).chain_seq, extract(epoch from (r).occurred_at), (r).category, (r).action,
        (r).actor, (r).outcome, (r).case_id, (r).http_method, (r).path, (r).http_status, (r).client_address, (r).user_agent,
        (r).detail)::text, 'UTF8')
$$;

create function chain_link(prev_hash char(64), payload bytea) returns char(64) language sql immutable as $$
    select encode(sha256(convert_to(coalesce(prev_hash, ''), 'UTF8') || payload), 'hex')
$$;

-- Rows written before this migration are chained now, in the order they were written.
alter table case_event disable trigger case_event_append_only;
alter table document disable trigger document_append_only;
do $$
declare
    e case_event;
    p photo;
    d document;
    last_case bigint;
    seq bigint;
    prev char(64);
begin
    last_case := null;
    for e in select * from case_event order by case_id, id loop
        if last_case is distinct from e.case_id then seq := 0; prev := null; last_case := e.case_id; end if;
        seq := seq + 1;
        e.chain_seq := seq;
        update case_event set chain_seq = seq, prev_hash = prev, row_hash = chain_link(prev, chain_payload(e))
            where id = e.id returning row_hash into prev;
    end loop;
    last_case := null;
    for p in select * from photo order by case_id, id loop
        if last_case is distinct from p.case_id then seq := 0; prev := null; last_case := p.case_id; end if;
        seq := seq + 1;
        p.chain_seq := seq;
        update photo set chain_seq = seq, prev_hash = prev, row_hash = chain_link(prev, chain_payload(p))
            where id = p.id returning row_hash into prev;
    end loop;
    last_case := null;
    for d in select * from document order by case_id, id loop
        if last_case is distinct from d.case_id then seq := 0; prev := null; last_case := d.case_id; end if;
        seq := seq + 1;
        d.chain_seq := seq;
        update document set chain_seq = seq, prev_hash = prev, row_hash = chain_link(prev, chain_payload(d))
            where id = d.id returning row_hash into prev;
    end loop;
end;
$$;
alter table case_event enable trigger case_event_append_only;
alter table document enable trigger document_append_only;

alter table case_event alter column chain_seq set not null, alter column row_hash set not null;
alter table photo alter column chain_seq set not null, alter column row_hash set not null;
alter table document alter column chain_seq set not null, alter column row_hash set not null;
create unique index case_event_chain on case_event (case_id, chain_seq);
create unique index photo_chain on photo (case_id, chain_seq);
create unique index document_chain on document (case_id, chain_seq);

-- Per-case chains: the case row's lock (the one every case step takes to change the case) orders a case's rows,
-- so two writers never link to the same predecessor. FOR NO KEY UPDATE does not block foreign-key checks.
create function chain_case_event() returns trigger language plpgsql as $$
declare last record;
begin
    perform 1 from rectification_case where id = new.case_id for no key update;
    select chain_seq, row_hash into last from case_event where case_id = new.case_id order by chain_seq desc limit 1;
    new.chain_seq := coalesce(last.chain_seq, 0) + 1;
    new.prev_hash := last.row_hash;
    new.row_hash := chain_link(new.prev_hash, chain_payload(new));
    return new;
end;
$$;
create function chain_photo() returns trigger language plpgsql as $$
declare last record;
begin
    perform 1 from rectification_case where id = new.case_id for no key update;
    select chain_seq, row_hash into last from photo where case_id = new.case_id order by chain_seq desc limit 1;
    new.chain_seq := coalesce(last.chain_seq, 0) + 1;
    new.prev_hash := last.row_hash;
    new.row_hash := chain_link(new.prev_hash, chain_payload(new));
    return new;
end;
$$;
create function chain_document() returns trigger language plpgsql as $$
declare last record;
begin
    perform 1 from rectification_case where id = new.case_id for no key update;
    select chain_seq, row_hash into last from document where case_id = new.case_id order by chain_seq desc limit 1;
    new.chain_seq := coalesce(last.chain_seq, 0) + 1;
    new.prev_hash := last.row_hash;
    new.row_hash := chain_link(new.prev_hash, chain_payload(new));
    return new;
end;
$$;
-- The global chain's serialisation point: a transaction-scoped advisory lock. Audit rows are always written in a
-- transaction of their own that does nothing else, so the lock is held for one insert and its commit.
create function chain_audit_event() returns trigger language plpgsql as $$
declare last record;
begin
    perform pg_advisory_xact_lock(7371001);
    select chain_seq, row_hash into last from audit_event order by chain_seq desc limit 1;
    new.chain_seq := coalesce(last.chain_seq, 0) + 1;
    new.prev_hash := last.row_hash;
    new.row_hash := chain_link(new.prev_hash, chain_payload(new));
    return new;
end;
$$;

create trigger case_event_chain before insert on case_event for each row execute function chain_case_event();
create trigger photo_chain before insert on photo for each row execute function chain_photo();
create trigger document_chain before insert on document for each row execute function chain_document();
create trigger audit_event_chain before insert on audit_event for each row execute function chain_audit_event();

-- Append-only, TRUNCATE included (row triggers do not see TRUNCATE; a statement trigger does).
create trigger photo_append_only before update or delete on photo
    for each row execute function forbid_history_rewrite();
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function forbid_history_rewrite();
create trigger case_event_no_truncate before truncate on case_event
    for each statement execute function forbid_history_rewrite();
create trigger decision_no_truncate before truncate on decision
    for each statement execute function forbid_history_rewrite();
create trigger photo_no_truncate before truncate on photo
    for each statement execute function forbid_history_rewrite();
create trigger document_no_truncate before truncate on document
    for each statement execute function forbid_history_rewrite();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function forbid_history_rewrite();
