-- A deal may continue an earlier one (priorDealId): an upgrade of it, a capital increase, or the same project signed again at a
-- later event. Event cohorts count by it: a project counts once, for its first signing event; an upgrade adds no investment; a
-- capital increase only its increment.
ALTER TABLE deals ADD COLUMN prior_deal_id INTEGER NULL REFERENCES deals (id);
ALTER TABLE deals ADD COLUMN prior_kind INTEGER NULL;
