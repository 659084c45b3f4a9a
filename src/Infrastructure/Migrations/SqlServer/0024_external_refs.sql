-- A deal's number in the office's own ledger (台账编号): what a ledger import upserts by, unique among live deals (a deleted
-- deal frees its number). Audit rows and change-feed rows written by an import's commit carry the import's id.
ALTER TABLE deals ADD external_ref NVARCHAR(64) NULL;
-- In its own batch: the index names a column this batch adds.
EXEC (N'CREATE UNIQUE INDEX ux_deals_external_ref ON deals (external_ref) WHERE external_ref IS NOT NULL AND deleted_at IS NULL');

ALTER TABLE audit_log ADD import_id BIGINT NULL;
ALTER TABLE changes ADD import_id BIGINT NULL;
