-- The engine's history level becomes "full-without-details" (org.rectify.workflow.EngineHistory, id 30): "full"
-- without the per-update copies of variables (ACT_HI_DETAIL). Camunda refuses to start when the level it is
-- configured with differs from the one its database records, so a database kept at "full" (3) is moved here, before
-- the engine starts (Flyway runs first). A fresh database has no engine tables yet: the engine records 30 itself.
do $$
begin
    if to_regclass('act_ge_property') is not null then
        update act_ge_property set value_ = '30' where name_ = 'historyLevel' and value_ = '3';
    end if;
end $$;
