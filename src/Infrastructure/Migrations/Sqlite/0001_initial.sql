-- DealPipeline schema 1 (SQLite). Money is BIGINT minor units (fen); a DECIMAL column would be
-- stored as REAL by SQLite and lose exactness. Dates are 'YYYY-MM-DD' text (China Standard Time
-- business dates); timestamps are UTC 'YYYY-MM-DD HH:MM:SS.fffffff' text, which sorts in time order.
-- Enum columns hold the domain's numeric values (stage 1..5 is pipeline order).

CREATE TABLE parks (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    city        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_parks_name ON parks (name);

CREATE TABLE sectors (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    parent_id   INTEGER NULL REFERENCES sectors (id),
    -- materialised path '/1/6/': a sector filter takes the whole subtree with one LIKE
    path        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE INDEX ix_sectors_path ON sectors (path);

CREATE TABLE teams (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_teams_name ON teams (name);

CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('admin', 'manager', 'officer', 'analyst')),
    team_id     INTEGER NULL REFERENCES teams (id),
    created_at  TEXT    NOT NULL
);

CREATE TABLE companies (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    credit_code TEXT    NULL,
    country     TEXT    NOT NULL,
    city        TEXT    NULL,
    created_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_companies_credit_code ON companies (credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX ix_companies_name ON companies (name);

CREATE TABLE events (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL,
    type              INTEGER NOT NULL,
    starts_on         TEXT    NOT NULL,
    ends_on           TEXT    NOT NULL,
    city              TEXT    NOT NULL,
    park_id           INTEGER NULL REFERENCES parks (id),
    visitors_received INTEGER NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    version           INTEGER NOT NULL
);

CREATE TABLE fx_rates (
    currency      TEXT    NOT NULL,
    effective_on  TEXT    NOT NULL,
    -- yuan per unit of the currency, times 10^8
    rate_e8       BIGINT  NOT NULL CHECK (rate_e8 > 0),
    updated_at    TEXT    NOT NULL,
    PRIMARY KEY (currency, effective_on)
);

CREATE TABLE deals (
    id                       INTEGER PRIMARY KEY,
    name                     TEXT    NOT NULL,
    company_id               INTEGER NOT NULL REFERENCES companies (id),
    park_id                  INTEGER NOT NULL REFERENCES parks (id),
    sector_id                INTEGER NOT NULL REFERENCES sectors (id),
    owner_id                 INTEGER NOT NULL REFERENCES users (id),
    team_id                  INTEGER NULL REFERENCES teams (id),
    source                   INTEGER NOT NULL,
    source_event_id          INTEGER NULL REFERENCES events (id),
    referrer_company_id      INTEGER NULL REFERENCES companies (id),
    is_key_project           INTEGER NOT NULL,
    confidential             INTEGER NOT NULL,
    intended_minor           BIGINT  NOT NULL CHECK (intended_minor >= 0),
    currency                 TEXT    NOT NULL,
    contracted_minor         BIGINT  NULL,
    expected_output_minor    BIGINT  NULL,
    expected_tax_minor       BIGINT  NULL,
    expected_jobs            INTEGER NULL,
    planned_landing_on       TEXT    NULL,
    stage                    INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 5),
    status                   INTEGER NOT NULL CHECK (status BETWEEN 1 AND 3),
    lost_reason              INTEGER NULL,
    opened_on                TEXT    NOT NULL,
    signed_on                TEXT    NULL,
    landed_on                TEXT    NULL,
    construction_started_on  TEXT    NULL,
    production_started_on    TEXT    NULL,
    last_change_on           TEXT    NOT NULL,
    created_at               TEXT    NOT NULL,
    updated_at               TEXT    NOT NULL,
    version                  INTEGER NOT NULL,
    deleted_at               TEXT    NULL
);
-- Pipeline reports: one index per grouping, ordered (status, group, stage, currency) so that the
-- database aggregates in one ordered scan without sorting, and covering the amount and every
-- report filter so that no row is read from the table.
CREATE INDEX ix_deals_by_stage ON deals (status, stage, currency, intended_minor, park_id, sector_id, owner_id, team_id, source, is_key_project, expected_tax_minor) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_by_sector ON deals (status, sector_id, stage, currency, intended_minor, park_id, owner_id, team_id, source, is_key_project) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_by_park ON deals (status, park_id, stage, currency, intended_minor, sector_id, owner_id, team_id, source, is_key_project) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_by_owner ON deals (status, owner_id, stage, currency, intended_minor, park_id, sector_id, team_id, source, is_key_project) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_by_team ON deals (status, team_id, stage, currency, intended_minor, park_id, sector_id, owner_id, source, is_key_project) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_by_source ON deals (status, source, stage, currency, intended_minor, park_id, sector_id, owner_id, team_id, is_key_project) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_updated ON deals (updated_at, id);
CREATE INDEX ix_deals_opened ON deals (opened_on, id, deleted_at);
CREATE INDEX ix_deals_intended ON deals (intended_minor, id);
CREATE INDEX ix_deals_name ON deals (name, id);
CREATE INDEX ix_deals_company ON deals (company_id);
CREATE INDEX ix_deals_owner ON deals (owner_id);
CREATE INDEX ix_deals_source_event ON deals (source_event_id);

CREATE TABLE deal_history (
    id           INTEGER PRIMARY KEY,
    deal_id      INTEGER NOT NULL REFERENCES deals (id),
    kind         INTEGER NOT NULL CHECK (kind IN (1, 2)),
    from_value   INTEGER NULL,
    to_value     INTEGER NOT NULL,
    on_date      TEXT    NOT NULL,
    at           TEXT    NOT NULL,
    reason       TEXT    NULL,
    note         TEXT    NULL,
    by_user_id   INTEGER NULL REFERENCES users (id)
);
CREATE INDEX ix_deal_history_deal ON deal_history (deal_id, id);
-- a deal's stage changes in order: the funnel's stays and highest stages
CREATE INDEX ix_deal_history_stages ON deal_history (deal_id, kind, id, to_value, on_date);

-- Responses of POSTs sent with an Idempotency-Key, replayed for a retry with the same key.
CREATE TABLE idempotency_keys (
    idem_key      TEXT    NOT NULL PRIMARY KEY,
    request_hash  TEXT    NOT NULL,
    status_code   INTEGER NOT NULL,
    content_type  TEXT    NULL,
    location      TEXT    NULL,
    etag          TEXT    NULL,
    body          BLOB    NOT NULL,
    created_at    TEXT    NOT NULL
);
