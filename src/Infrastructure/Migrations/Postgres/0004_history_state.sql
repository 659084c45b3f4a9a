-- The pipeline as of any past day in one pass: every history entry carries the deal's whole
-- state after it (stage_after, status_after) and the date it stopped being in force (valid_until,
-- the date of the deal's next entry; NULL while in force). The state of a deal at the end of
-- day D is the one entry with on_date <= D and (valid_until IS NULL OR valid_until > D).
-- These columns are derived from the entries themselves; the facts (kind, from, to, on) never change.

ALTER TABLE deal_history ADD COLUMN stage_after INT NULL, ADD COLUMN status_after INT NULL, ADD COLUMN valid_until DATE NULL;

UPDATE deal_history AS h SET
    stage_after = (SELECT s.to_value FROM deal_history s WHERE s.id =
        (SELECT MAX(m.id) FROM deal_history m WHERE m.deal_id = h.deal_id AND m.kind = 1 AND m.id <= h.id)),
    status_after = COALESCE((SELECT s.to_value FROM deal_history s WHERE s.id =
        (SELECT MAX(m.id) FROM deal_history m WHERE m.deal_id = h.deal_id AND m.kind = 2 AND m.id <= h.id)), 1),
    valid_until = (SELECT n.on_date FROM deal_history n WHERE n.id =
        (SELECT MIN(m.id) FROM deal_history m WHERE m.deal_id = h.deal_id AND m.id > h.id));

CREATE INDEX ix_deal_history_in_force ON deal_history (valid_until, on_date) INCLUDE (deal_id, stage_after, status_after);
CREATE INDEX ix_deal_history_status ON deal_history (kind, to_value, on_date) INCLUDE (deal_id);

