-- Idempotency keys are now claimed, applied and answered in one transaction, so a key without
-- an answer (status 0) can only be one claimed by an earlier version that crashed mid-request:
-- whether its write happened is unknowable, and left in place it answered 409 forever.
DELETE FROM idempotency_keys WHERE status_code = 0;

-- Keys expire (Idempotency:RetentionHours); the purge deletes by age.
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);

-- Secrets the service makes for itself and shares between its instances (the key that seals cursors).
CREATE TABLE service_secrets (
    name        VARCHAR(100)  NOT NULL CONSTRAINT pk_service_secrets PRIMARY KEY,
    value       BYTEA NOT NULL,
    created_at  TIMESTAMPTZ      NOT NULL
);
