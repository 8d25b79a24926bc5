\timing on
\pset pager off
-- parameters as the pages use them (Asia/Shanghai day boundaries)
\set now 'now()'
\set today '(date_trunc(''day'', now() at time zone ''Asia/Shanghai'') at time zone ''Asia/Shanghai'')'

\echo ===== 1 dashboard, main query (admin), as the app runs it
explain (analyze, buffers, costs off, summary on)
select grouping(c.lead_unit_code), grouping(c.grid_code), c.lead_unit_code, c.grid_code,
 count(*) filter (where c.status not in ('REJECTED', 'CLOSED', 'VOIDED')) as open,
 count(*) filter (where c.status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION', 'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION') and c.deadline >= :today and c.deadline < :today + interval '1 day') as due_today,
 count(*) filter (where c.status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION', 'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION') and c.deadline < now()) as overdue,
 count(*) filter (where c.status = 'CLOSED' and c.closed_at >= :today - interval '6 days') as closed_week,
 count(*) filter (where c.created_at >= :today) as reported_today
from (select c.lead_unit_code, c.grid_code, c.status, c.deadline, null::timestamptz as closed_at, c.created_at
      from rectification_case c where true and c.status not in ('REJECTED', 'CLOSED', 'VOIDED')
      union all select c.lead_unit_code, c.grid_code, c.status, c.deadline, c.closed_at, c.created_at
      from rectification_case c where true and c.status in ('REJECTED', 'CLOSED', 'VOIDED')
      and (c.closed_at >= :today - interval '6 days' or c.created_at >= :today)) c
group by grouping sets ((), (c.lead_unit_code), (c.grid_code));

\echo ===== 1h dashboard by hand: open and overdue per unit
select lead_unit_code, count(*), count(*) filter (where status <> 'SUSPENDED' and deadline < now())
from rectification_case where status not in ('REJECTED', 'CLOSED', 'VOIDED') group by 1 \g /dev/null

\echo ===== 1b dashboard (cgj-handler scope)
explain (analyze, buffers, costs off, summary on)
select count(*) filter (where c.status not in ('REJECTED', 'CLOSED', 'VOIDED')), count(*)
from (select c.lead_unit_code, c.grid_code, c.status, c.deadline, null::timestamptz as closed_at, c.created_at
      from rectification_case c where (c.lead_unit_code in ('cgj') or c.co_unit_codes && array['cgj']::varchar[] or c.submitted_by = 'cgj-handler') and c.status not in ('REJECTED', 'CLOSED', 'VOIDED')
      union all select c.lead_unit_code, c.grid_code, c.status, c.deadline, c.closed_at, c.created_at
      from rectification_case c where (c.lead_unit_code in ('cgj') or c.co_unit_codes && array['cgj']::varchar[] or c.submitted_by = 'cgj-handler') and c.status in ('REJECTED', 'CLOSED', 'VOIDED')
      and (c.closed_at >= :today - interval '6 days' or c.created_at >= :today)) c
group by grouping sets ((), (c.lead_unit_code), (c.grid_code));

\echo ===== 1c dashboard trend (reported per day, 30 days)
explain (analyze, buffers, costs off, summary on)
select (c.created_at at time zone 'Asia/Shanghai')::date as day, count(*) from rectification_case c
where true and c.created_at >= :today - interval '29 days' group by 1;
\echo ===== 1d dashboard trend (closed per day)
explain (analyze, buffers, costs off, summary on)
select (c.closed_at at time zone 'Asia/Shanghai')::date as day, count(*) from rectification_case c
where true and c.status = 'CLOSED' and c.closed_at >= :today - interval '29 days' group by 1;

\echo ===== 2 ledger open cases of cgj by deadline: count, page
explain (analyze, buffers, costs off, summary on)
select count(*) from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where true and c.status not in ('REJECTED', 'CLOSED', 'VOIDED') and (c.lead_unit_code = 'cgj' or c.co_unit_codes && array['cgj']::varchar[]);
explain (analyze, buffers, costs off, summary on)
select c.*, s.stage from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where true and c.status not in ('REJECTED', 'CLOSED', 'VOIDED') and (c.lead_unit_code = 'cgj' or c.co_unit_codes && array['cgj']::varchar[])
order by c.deadline asc nulls last, c.id asc limit 20 offset 0;

\echo ===== 3 ledger overdue in street cxjd page 3: count, page
explain (analyze, buffers, costs off, summary on)
select count(*) from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where true and c.grid_code in (select g.code from grid g join unit u on u.code = g.community_code where u.parent_code = 'cxjd')
and (c.status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION', 'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION') and c.deadline < now());
explain (analyze, buffers, costs off, summary on)
select c.*, s.stage from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where true and c.grid_code in (select g.code from grid g join unit u on u.code = g.community_code where u.parent_code = 'cxjd')
and (c.status in ('PENDING_CHECK', 'AWAITING_ACCEPTANCE', 'RETURNED', 'IN_RECTIFICATION', 'AWAITING_EXTENSION_DECISION', 'AWAITING_SUSPENSION_DECISION', 'AWAITING_VERIFICATION') and c.deadline < now())
order by c.created_at desc, c.id desc limit 20 offset 40;

\echo ===== 4 ledger category + source + this month: count, page
explain (analyze, buffers, costs off, summary on)
select count(*) from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where true and c.category_code = 'STREET_VENDING' and c.source = 'PATROL' and c.created_at >= date_trunc('month', now());
explain (analyze, buffers, costs off, summary on)
select c.*, s.stage from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where true and c.category_code = 'STREET_VENDING' and c.source = 'PATROL' and c.created_at >= date_trunc('month', now())
order by c.created_at desc, c.id desc limit 20;

\echo ===== 5 ledger text search 星河路: count, page
explain (analyze, buffers, costs off, summary on)
select count(*) from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where true and (c.case_number || ' ' || c.title || ' ' || c.address || ' ' || c.description) ilike '%星河路%';
explain (analyze, buffers, costs off, summary on)
select c.*, s.stage from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where true and (c.case_number || ' ' || c.title || ' ' || c.address || ' ' || c.description) ilike '%星河路%'
order by c.created_at desc, c.id desc limit 20;

\echo ===== 6 ledger unfiltered page 100 (admin): count, page
explain (analyze, buffers, costs off, summary on)
select count(*) from rectification_case c left join case_ladder_stage s on s.case_id = c.id where true;
explain (analyze, buffers, costs off, summary on)
select c.*, s.stage from rectification_case c left join case_ladder_stage s on s.case_id = c.id where true
order by c.created_at desc, c.id desc limit 20 offset 1980;
\echo ===== 6b unfiltered (cgj-handler): count
explain (analyze, buffers, costs off, summary on)
select count(*) from rectification_case c left join case_ladder_stage s on s.case_id = c.id
where (c.lead_unit_code in ('cgj') or c.co_unit_codes && array['cgj']::varchar[] or c.submitted_by = 'cgj-handler');
\echo ===== 6c unfiltered (cgj-handler): count as the ledger runs it now (two disjoint parts)
explain (analyze, buffers, costs off, summary on)
select (select count(*) from rectification_case c left join case_ladder_stage s on s.case_id = c.id where c.lead_unit_code in ('cgj'))
     + (select count(*) from rectification_case c left join case_ladder_stage s on s.case_id = c.id
        where (c.lead_unit_code is null or c.lead_unit_code not in ('cgj'))
          and (c.co_unit_codes && array['cgj']::varchar[] or c.submitted_by = 'cgj-handler'));

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
