\timing on
\pset pager off
-- parameters as the pages use them (Asia/Shanghai day boundaries)
\set now 'now()'
-- the grid cells of street cxjd, written out as the ledger binds them
select string_agg(quote_literal(g.code), ', ') as cxjd_grids from grid g join unit u on u.code = g.community_code where u.parent_code = 'cxjd' \gset
\set today '(date_trunc(''day'', now() at time zone ''Asia/Shanghai'') at time zone ''Asia/Shanghai'')'

\echo ===== 1 dashboard (admin) as the app runs it: counters (V24 case_tally), then overdue / due today from the deadline index
explain (analyze, buffers, costs off, summary on)
select lead_unit_code, grid_code, null::date as day, sum(n) as n from case_tally where measure = 'CASES'
 and status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION', 'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION', 'SUSPENDED')
 group by 1, 2, 3 having sum(n) <> 0;
explain (analyze, buffers, costs off, summary on)
select lead_unit_code, grid_code, day, sum(n) as n from case_tally where measure = 'REPORTED' and day >= current_date - 29
 group by 1, 2, 3 having sum(n) <> 0;
explain (analyze, buffers, costs off, summary on)
select lead_unit_code, grid_code, day, sum(n) as n from case_tally where measure = 'CLOSED' and day >= current_date - 29
 group by 1, 2, 3 having sum(n) <> 0;
explain (analyze, buffers, costs off, summary on)
select lead_unit_code, grid_code, null::date as day, sum(n) as n from case_tally where measure = 'DUE'
 and day < date_trunc('month', now() at time zone 'Asia/Shanghai')::date group by 1, 2, 3 having sum(n) <> 0;
explain (analyze, buffers, costs off, summary on)
select c.lead_unit_code, c.grid_code, count(*) filter (where c.deadline < now()) as overdue,
 count(*) filter (where c.deadline >= :today) as due_today from rectification_case c
where true and c.deadline >= (date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') and c.status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION', 'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION') and c.deadline < :today + interval '1 day' group by 1, 2;
\echo ===== 1b dashboard (cgj-handler): the same for their unit, and from the table for the cases they see without leading them
explain (analyze, buffers, costs off, summary on)
select c.lead_unit_code, c.grid_code, count(*) filter (where c.deadline < now()) as overdue,
 count(*) filter (where c.deadline >= :today) as due_today from rectification_case c
where (c.lead_unit_code in ('cgj') or c.co_unit_codes && array['cgj']::varchar[] or c.submitted_by = 'cgj-handler')
 and c.deadline >= (date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') and c.status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION', 'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION') and c.deadline < :today + interval '1 day' group by 1, 2;
explain (analyze, buffers, costs off, summary on)
select c.lead_unit_code, c.grid_code, null::date, count(*)
from (select c.* from rectification_case c where (c.lead_unit_code is null or c.lead_unit_code not in ('cgj'))
      and (c.co_unit_codes && array['cgj']::varchar[] or c.submitted_by = 'cgj-handler') offset 0) c
where c.status not in ('REJECTED', 'CLOSED', 'VOIDED') group by 1, 2, 3;

\echo ===== 2 ledger open cases of cgj by deadline: capped count (exact up to 5 000), estimate, page (ids from an index, then 20 rows)
explain (analyze, buffers, costs off, summary on)
select (select count(*) from (select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id
 where c.status not in ('REJECTED', 'CLOSED', 'VOIDED') and (c.lead_unit_code = 'cgj' or c.co_unit_codes && array['cgj']::varchar[]) limit 5001) x);
explain (format json) select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id where c.status not in ('REJECTED', 'CLOSED', 'VOIDED') and (c.lead_unit_code = 'cgj' or c.co_unit_codes && array['cgj']::varchar[]) \g /dev/null
explain (analyze, buffers, costs off, summary on)
select c.*, s.stage from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where c.id in (select c.id from rectification_case c left join case_ladder_stage s on s.case_id = c.id where c.status not in ('REJECTED', 'CLOSED', 'VOIDED') and (c.lead_unit_code = 'cgj' or c.co_unit_codes && array['cgj']::varchar[])
 order by c.deadline asc nulls last, c.id asc limit 20 offset 0) order by c.deadline asc nulls last, c.id asc;

\echo ===== 3 ledger overdue in street cxjd page 3: capped count (exact up to 5 000), estimate, page (ids from an index, then 20 rows)
explain (analyze, buffers, costs off, summary on)
select (select count(*) from (select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id
 where c.grid_code in (:cxjd_grids) and (c.status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION', 'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION') and c.deadline < now()) limit 5001) x);
explain (format json) select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id where c.grid_code in (:cxjd_grids) and (c.status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION', 'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION') and c.deadline < now()) \g /dev/null
explain (analyze, buffers, costs off, summary on)
select c.*, s.stage from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where c.id in (select c.id from rectification_case c left join case_ladder_stage s on s.case_id = c.id where c.grid_code in (:cxjd_grids) and (c.status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION', 'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION') and c.deadline < now())
 order by c.created_at desc, c.id desc limit 20 offset 40) order by c.created_at desc, c.id desc;

\echo ===== 4 ledger category + source + this month: capped count (exact up to 5 000), estimate, page (ids from an index, then 20 rows)
explain (analyze, buffers, costs off, summary on)
select (select count(*) from (select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id
 where c.category_code = 'STREET_VENDING' and c.source = 'PATROL' and c.created_at >= date_trunc('month', now()) limit 5001) x);
explain (format json) select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id where c.category_code = 'STREET_VENDING' and c.source = 'PATROL' and c.created_at >= date_trunc('month', now()) \g /dev/null
explain (analyze, buffers, costs off, summary on)
select c.*, s.stage from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where c.id in (select c.id from rectification_case c left join case_ladder_stage s on s.case_id = c.id where c.category_code = 'STREET_VENDING' and c.source = 'PATROL' and c.created_at >= date_trunc('month', now())
 order by c.created_at desc, c.id desc limit 20 offset 0) order by c.created_at desc, c.id desc;

\echo ===== 5 ledger text search 星河路: capped count (exact up to 5 000), estimate, page (ids from an index, then 20 rows)
explain (analyze, buffers, costs off, summary on)
select (select count(*) from (select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id
 where (c.case_number || ' ' || c.title || ' ' || c.address || ' ' || c.description) ilike '%星河路%' limit 5001) x);
explain (format json) select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id where (c.case_number || ' ' || c.title || ' ' || c.address || ' ' || c.description) ilike '%星河路%' \g /dev/null
explain (analyze, buffers, costs off, summary on)
select c.*, s.stage from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where c.id in (select c.id from rectification_case c left join case_ladder_stage s on s.case_id = c.id where (c.case_number || ' ' || c.title || ' ' || c.address || ' ' || c.description) ilike '%星河路%'
 order by c.created_at desc, c.id desc limit 20 offset 0) order by c.created_at desc, c.id desc;

\echo ===== 6 ledger unfiltered page 100 (admin): capped count (exact up to 5 000), estimate, page (ids from an index, then 20 rows)
explain (analyze, buffers, costs off, summary on)
select (select count(*) from (select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id
 where true limit 5001) x);
explain (format json) select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id where true \g /dev/null
explain (analyze, buffers, costs off, summary on)
select c.*, s.stage from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where c.id in (select c.id from rectification_case c left join case_ladder_stage s on s.case_id = c.id where true
 order by c.created_at desc, c.id desc limit 20 offset 1980) order by c.created_at desc, c.id desc;

\echo ===== 6b unfiltered (cgj-handler): capped counts of the two disjoint parts
explain (analyze, buffers, costs off, summary on)
select (select count(*) from (select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id where c.lead_unit_code in ('cgj') limit 5001) x)
     + (select count(*) from (select 1 from rectification_case c left join case_ladder_stage s on s.case_id = c.id
        where (c.lead_unit_code is null or c.lead_unit_code not in ('cgj'))
          and (c.co_unit_codes && array['cgj']::varchar[] or c.submitted_by = 'cgj-handler') limit 5001) x);

\echo ===== 7 ranking preview, the per-case questions (Scoring), current month
explain (analyze, buffers, costs off, summary on)
select c.id, exists (select 1 from case_event e where e.case_id = c.id and e.action = 'RECTIFIED' and e.occurred_at <= c.deadline and e.occurred_at < now()),
 exists (select 1 from case_event e where e.case_id = c.id and e.action = 'EXTENSION_APPROVED' and e.occurred_at < now())
from rectification_case c where c.lead_unit_code is not null and c.deadline is not null and c.status not in ('REJECTED', 'VOIDED')
 and ((c.deadline < now() and (c.closed_at is null or c.closed_at >= date_trunc('month', now()))) or (c.closed_at >= date_trunc('month', now()) and c.closed_at < now()));

\echo ===== hand-written equivalents (what one would type at psql for the same figures and rows), timed
\echo -- H1 dashboard: open, overdue, due today per unit and in all; closed this week; reported today
select lead_unit_code, count(*) as open, count(*) filter (where status <> 'SUSPENDED' and deadline < now()) as overdue,
       count(*) filter (where status <> 'SUSPENDED' and deadline >= :today and deadline < :today + interval '1 day') as due_today
from rectification_case where status not in ('REJECTED', 'CLOSED', 'VOIDED') group by rollup (lead_unit_code) \g /dev/null
select count(*) from rectification_case where status = 'CLOSED' and closed_at >= :today - interval '6 days' \g /dev/null
select count(*) from rectification_case where created_at >= :today \g /dev/null
\echo -- H2 open cases of cgj by deadline
select count(*) from rectification_case where status not in ('REJECTED', 'CLOSED', 'VOIDED') and (lead_unit_code = 'cgj' or 'cgj' = any (co_unit_codes)) \g /dev/null
select * from rectification_case where status not in ('REJECTED', 'CLOSED', 'VOIDED') and (lead_unit_code = 'cgj' or 'cgj' = any (co_unit_codes)) order by deadline nulls last, id limit 20 \g /dev/null
\echo -- H3 overdue in street cxjd, page 3
select count(*) from rectification_case c join grid g on g.code = c.grid_code join unit u on u.code = g.community_code
where u.parent_code = 'cxjd' and c.status not in ('REJECTED', 'CLOSED', 'VOIDED', 'SUSPENDED') and c.deadline < now() \g /dev/null
select c.* from rectification_case c join grid g on g.code = c.grid_code join unit u on u.code = g.community_code
where u.parent_code = 'cxjd' and c.status not in ('REJECTED', 'CLOSED', 'VOIDED', 'SUSPENDED') and c.deadline < now()
order by c.created_at desc, c.id desc limit 20 offset 40 \g /dev/null
\echo -- H4 category + source + this month
select count(*) from rectification_case where category_code = 'STREET_VENDING' and source = 'PATROL' and created_at >= date_trunc('month', now()) \g /dev/null
select * from rectification_case where category_code = 'STREET_VENDING' and source = 'PATROL' and created_at >= date_trunc('month', now()) order by created_at desc, id desc limit 20 \g /dev/null
\echo -- H5 text search
select count(*) from rectification_case where (case_number || ' ' || title || ' ' || address || ' ' || description) ilike '%星河路%' \g /dev/null
select * from rectification_case where (case_number || ' ' || title || ' ' || address || ' ' || description) ilike '%星河路%' order by created_at desc, id desc limit 20 \g /dev/null
\echo -- H6 unfiltered page 100 (admin), then the count as cgj-handler
select count(*) from rectification_case \g /dev/null
select * from rectification_case order by created_at desc, id desc limit 20 offset 1980 \g /dev/null
select count(*) from rectification_case where lead_unit_code = 'cgj' or 'cgj' = any (co_unit_codes) or submitted_by = 'cgj-handler' \g /dev/null
