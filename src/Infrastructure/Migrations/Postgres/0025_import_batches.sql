-- A commit is written batch by batch (Imports:BatchRows rows a transaction): how many of the file's rows it has carried out, so that
-- a commit cut short resumes after its last whole batch.
ALTER TABLE imports ADD rows_done INTEGER NOT NULL DEFAULT 0;
