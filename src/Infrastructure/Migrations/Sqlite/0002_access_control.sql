-- Access control: API keys (stored only as SHA-256 hashes), the audit log of every write, and
-- the code name shown for a confidential deal where its name may not be.

CREATE TABLE api_keys (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    key_hash      TEXT    NOT NULL,
    -- the first characters of the key, so that its owner can tell keys apart
    prefix        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    last_used_at  TEXT    NULL,
    revoked_at    TEXT    NULL
);
CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);
CREATE INDEX ix_api_keys_user ON api_keys (user_id);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    user_id     INTEGER NULL REFERENCES users (id),
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    entity      TEXT    NOT NULL,
    entity_id   TEXT    NULL,
    before_json TEXT    NULL,
    after_json  TEXT    NULL
);
CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id, id);
CREATE INDEX ix_audit_log_at ON audit_log (at);

ALTER TABLE deals ADD COLUMN code_name TEXT NULL;
