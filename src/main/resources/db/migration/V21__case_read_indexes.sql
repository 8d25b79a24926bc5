-- Indexes for reading a million cases (issue 13): the dashboard, the ledger and the API's case list.
-- Most of them carry the columns those pages filter on (the viewer's scope: lead unit, co-units, who reported it)
-- so that PostgreSQL answers from the index alone (an index-only scan) instead of visiting rows spread over the
-- whole table. The partial predicate is written exactly as the queries write it (Texts.TERMINAL_SQL): PostgreSQL
-- only uses a partial index when the query's condition proves the index's.

-- Open cases (a tenth of all cases or less): the dashboard's figures by unit and street, the ledger's open and
-- overdue filters.
create index rectification_case_open_cover on rectification_case (lead_unit_code, grid_code)
    include (status, deadline, created_at, submitted_by, co_unit_codes)
    where status not in ('REJECTED', 'CLOSED', 'VOIDED');

-- Reported per day (dashboard trend, ledger's date filters) and closed per day, with the scope's columns.
create index rectification_case_created_cover on rectification_case (created_at)
    include (lead_unit_code, submitted_by, co_unit_codes, status, category_code, source);
create index rectification_case_closed_cover on rectification_case (closed_at)
    include (status, lead_unit_code, grid_code, created_at, submitted_by, co_unit_codes)
    where closed_at is not null;

-- A handler's scope: cases where their unit is a co-unit, and cases they reported themselves.
create index rectification_case_co_units on rectification_case using gin (co_unit_codes);
create index rectification_case_submitted_by on rectification_case (submitted_by);
