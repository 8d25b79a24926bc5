-- The campaign console: stored weekly bulletins, and the indexes its pages need over 100 000+ cases.

-- One weekly bulletin (一周一反馈) per week, keyed by the week's Monday: whichever node generates it first
-- stores it, and every node then serves the same text. Stored bulletins are not changed.
create table console_bulletin (
    week_start   date         primary key check (extract(isodow from week_start) = 1),
    generated_at timestamptz  not null,
    generated_by varchar(100) not null,
    trigger      varchar(10)  not null check (trigger in ('TIMER', 'MANUAL')),
    html         text         not null
);

create trigger console_bulletin_append_only before update or delete on console_bulletin
    for each row execute function forbid_history_rewrite();

-- Ledger sorts and filters, dashboard figures (overdue, closed this week, trend), streets by grid.
create index if not exists rectification_case_deadline on rectification_case (deadline);
create index if not exists rectification_case_closed on rectification_case (closed_at);
create index if not exists rectification_case_grid on rectification_case (grid_code);
create index if not exists rectification_case_category on rectification_case (category_code);
create index if not exists rectification_case_position on rectification_case (latitude, longitude) where latitude is not null;
-- Weekly and monthly counts of steps (rework, supervision orders, transfers).
create index if not exists case_event_action_time on case_event (action, occurred_at);

-- The ledger's text search (number, title, address, description) with a trigram index where the pg_trgm
-- extension can be installed (it ships with PostgreSQL; creating it needs the right to create extensions).
-- Without it the search still works, by scanning.
do $$
begin
    create extension if not exists pg_trgm;
exception when others then
    raise notice 'pg_trgm is not available (%); the ledger text search scans the table', sqlerrm;
end;
$$;

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute 'create index if not exists rectification_case_text on rectification_case using gin '
             || '((case_number || '' '' || title || '' '' || address || '' '' || description) gin_trgm_ops)';
    end if;
end;
$$;
