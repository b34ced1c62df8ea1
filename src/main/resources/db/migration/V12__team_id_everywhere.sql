-- Every tenant table carries team_id, so that each can be distributed by team (Citus, docs/scaling.md)
-- and every query can filter by it. The three child tables that reached it only through their parent
-- get their own column, copied from the parent.
ALTER TABLE deal_template_milestone ADD COLUMN team_id BIGINT;
UPDATE deal_template_milestone SET team_id = (SELECT t.team_id FROM deal_template t WHERE t.id = template_id);
ALTER TABLE deal_template_milestone ALTER COLUMN team_id SET NOT NULL;
ALTER TABLE deal_template_milestone ADD CONSTRAINT fk_deal_template_milestone_team FOREIGN KEY (team_id) REFERENCES team (id);

ALTER TABLE plan_objective ADD COLUMN team_id BIGINT;
UPDATE plan_objective SET team_id = (SELECT p.team_id FROM account_plan p WHERE p.id = plan_id);
ALTER TABLE plan_objective ALTER COLUMN team_id SET NOT NULL;
ALTER TABLE plan_objective ADD CONSTRAINT fk_plan_objective_team FOREIGN KEY (team_id) REFERENCES team (id);

ALTER TABLE plan_activity ADD COLUMN team_id BIGINT;
UPDATE plan_activity SET team_id = (SELECT p.team_id FROM account_plan p WHERE p.id = plan_id);
ALTER TABLE plan_activity ALTER COLUMN team_id SET NOT NULL;
ALTER TABLE plan_activity ADD CONSTRAINT fk_plan_activity_team FOREIGN KEY (team_id) REFERENCES team (id);
