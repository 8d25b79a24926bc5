-- Which rules chose whom the weekly bulletin praises and criticises (rules/bulletin.drl), and on which rule-set
-- version: every decision records both. Bulletins stored before this have neither.
alter table console_bulletin add column rule_set_version text, add column fired_rules text[];
