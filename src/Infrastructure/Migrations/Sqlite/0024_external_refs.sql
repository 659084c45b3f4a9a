-- A deal's number in the office's own ledger (台账编号): what a ledger import upserts by, unique among live deals (a deleted
-- deal frees its number). Audit rows and change-feed rows written by an import's commit carry the import's id.
ALTER TABLE deals ADD COLUMN external_ref TEXT NULL;
CREATE UNIQUE INDEX ux_deals_external_ref ON deals (external_ref) WHERE external_ref IS NOT NULL AND deleted_at IS NULL;

ALTER TABLE audit_log ADD COLUMN import_id INTEGER NULL;
ALTER TABLE changes ADD COLUMN import_id INTEGER NULL;
