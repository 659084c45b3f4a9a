-- Access control: API keys (stored only as SHA-256 hashes), the audit log of every write, and
-- the code name shown for a confidential deal where its name may not be.

CREATE TABLE api_keys (
    id            BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_api_keys PRIMARY KEY,
    user_id       BIGINT NOT NULL CONSTRAINT fk_api_keys_user REFERENCES users (id),
    key_hash      CHAR(64)     NOT NULL,
    prefix        VARCHAR(16)  NOT NULL,
    created_at    DATETIME2    NOT NULL,
    last_used_at  DATETIME2    NULL,
    revoked_at    DATETIME2    NULL
);
CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);
CREATE INDEX ix_api_keys_user ON api_keys (user_id);

CREATE TABLE audit_log (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY,
    at          DATETIME2     NOT NULL,
    user_id     BIGINT NULL CONSTRAINT fk_audit_log_user REFERENCES users (id),
    actor       NVARCHAR(100) NOT NULL,
    action      NVARCHAR(100) NOT NULL,
    entity      NVARCHAR(50)  NOT NULL,
    entity_id   NVARCHAR(50)  NULL,
    before_json NVARCHAR(MAX) NULL,
    after_json  NVARCHAR(MAX) NULL
);
CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id, id);
CREATE INDEX ix_audit_log_at ON audit_log (at);

ALTER TABLE deals ADD code_name NVARCHAR(100) NULL;
