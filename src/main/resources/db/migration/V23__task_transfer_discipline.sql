-- A task transferred to the discipline office goes through the discipline module's own process (Discipline.transfer),
-- on the case that stands for the task not done (任务未落实, linked in task_case); the task's transfer row remembers it.
alter table task_transfer add column case_id bigint;
alter table task_transfer add column discipline_process_instance_id varchar(64);
