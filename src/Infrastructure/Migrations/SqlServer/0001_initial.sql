-- DealPipeline schema 1 (SQL Server). The same tables as the SQLite script: money is BIGINT
-- minor units, business dates are DATE, timestamps are UTC DATETIME2. Enum columns hold the
-- domain's numeric values (stage 1..5 is pipeline order).

CREATE TABLE parks (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_parks PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    city        NVARCHAR(100) NOT NULL,
    created_at  DATETIME2     NOT NULL
);
CREATE UNIQUE INDEX ux_parks_name ON parks (name);

CREATE TABLE sectors (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_sectors PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    parent_id   BIGINT NULL CONSTRAINT fk_sectors_parent REFERENCES sectors (id),
    path        NVARCHAR(400) NOT NULL,
    created_at  DATETIME2     NOT NULL
);
CREATE INDEX ix_sectors_path ON sectors (path);

CREATE TABLE teams (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_teams PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    created_at  DATETIME2     NOT NULL
);
CREATE UNIQUE INDEX ux_teams_name ON teams (name);

CREATE TABLE users (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_users PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    role        VARCHAR(16)   NOT NULL CONSTRAINT ck_users_role CHECK (role IN ('admin', 'manager', 'officer', 'analyst')),
    team_id     BIGINT NULL CONSTRAINT fk_users_team REFERENCES teams (id),
    created_at  DATETIME2     NOT NULL
);

CREATE TABLE companies (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_companies PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    credit_code CHAR(18)      NULL,
    country     CHAR(2)       NOT NULL,
    city        NVARCHAR(100) NULL,
    created_at  DATETIME2     NOT NULL
);
CREATE UNIQUE INDEX ux_companies_credit_code ON companies (credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX ix_companies_name ON companies (name);

CREATE TABLE events (
    id                BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_events PRIMARY KEY,
    name              NVARCHAR(200) NOT NULL,
    type              INT           NOT NULL,
    starts_on         DATE          NOT NULL,
    ends_on           DATE          NOT NULL,
    city              NVARCHAR(100) NOT NULL,
    park_id           BIGINT NULL CONSTRAINT fk_events_park REFERENCES parks (id),
    visitors_received INT NULL,
    created_at        DATETIME2     NOT NULL,
    updated_at        DATETIME2     NOT NULL,
    version           INT           NOT NULL
);

CREATE TABLE fx_rates (
    currency      CHAR(3)   NOT NULL,
    effective_on  DATE      NOT NULL,
    rate_e8       BIGINT    NOT NULL CONSTRAINT ck_fx_rates_rate CHECK (rate_e8 > 0),
    updated_at    DATETIME2 NOT NULL,
    CONSTRAINT pk_fx_rates PRIMARY KEY (currency, effective_on)
);

CREATE TABLE deals (
    id                       BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_deals PRIMARY KEY,
    name                     NVARCHAR(200) NOT NULL,
    company_id               BIGINT NOT NULL CONSTRAINT fk_deals_company REFERENCES companies (id),
    park_id                  BIGINT NOT NULL CONSTRAINT fk_deals_park REFERENCES parks (id),
    sector_id                BIGINT NOT NULL CONSTRAINT fk_deals_sector REFERENCES sectors (id),
    owner_id                 BIGINT NOT NULL CONSTRAINT fk_deals_owner REFERENCES users (id),
    team_id                  BIGINT NULL CONSTRAINT fk_deals_team REFERENCES teams (id),
    source                   INT    NOT NULL,
    source_event_id          BIGINT NULL CONSTRAINT fk_deals_source_event REFERENCES events (id),
    referrer_company_id      BIGINT NULL CONSTRAINT fk_deals_referrer REFERENCES companies (id),
    is_key_project           BIT    NOT NULL,
    confidential             BIT    NOT NULL,
    intended_minor           BIGINT NOT NULL CONSTRAINT ck_deals_intended CHECK (intended_minor >= 0),
    currency                 CHAR(3) NOT NULL,
    contracted_minor         BIGINT NULL,
    expected_output_minor    BIGINT NULL,
    expected_tax_minor       BIGINT NULL,
    expected_jobs            INT    NULL,
    planned_landing_on       DATE   NULL,
    stage                    INT    NOT NULL CONSTRAINT ck_deals_stage CHECK (stage BETWEEN 1 AND 5),
    status                   INT    NOT NULL CONSTRAINT ck_deals_status CHECK (status BETWEEN 1 AND 3),
    lost_reason              INT    NULL,
    opened_on                DATE   NOT NULL,
    signed_on                DATE   NULL,
    landed_on                DATE   NULL,
    construction_started_on  DATE   NULL,
    production_started_on    DATE   NULL,
    last_change_on           DATE   NOT NULL,
    created_at               DATETIME2 NOT NULL,
    updated_at               DATETIME2 NOT NULL,
    version                  INT    NOT NULL,
    deleted_at               DATETIME2 NULL
);
CREATE INDEX ix_deals_by_stage ON deals (status, stage, currency) INCLUDE (intended_minor, park_id, sector_id, owner_id, team_id, source, is_key_project, expected_tax_minor) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_by_sector ON deals (status, sector_id, stage, currency) INCLUDE (intended_minor, park_id, owner_id, team_id, source, is_key_project) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_by_park ON deals (status, park_id, stage, currency) INCLUDE (intended_minor, sector_id, owner_id, team_id, source, is_key_project) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_by_owner ON deals (status, owner_id, stage, currency) INCLUDE (intended_minor, park_id, sector_id, team_id, source, is_key_project) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_by_team ON deals (status, team_id, stage, currency) INCLUDE (intended_minor, park_id, sector_id, owner_id, source, is_key_project) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_by_source ON deals (status, source, stage, currency) INCLUDE (intended_minor, park_id, sector_id, owner_id, team_id, is_key_project) WHERE deleted_at IS NULL;
CREATE INDEX ix_deals_updated ON deals (updated_at, id);
CREATE INDEX ix_deals_opened ON deals (opened_on, id, deleted_at);
CREATE INDEX ix_deals_intended ON deals (intended_minor, id);
CREATE INDEX ix_deals_name ON deals (name, id);
CREATE INDEX ix_deals_company ON deals (company_id);
CREATE INDEX ix_deals_owner ON deals (owner_id);
CREATE INDEX ix_deals_source_event ON deals (source_event_id);

CREATE TABLE deal_history (
    id           BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_deal_history PRIMARY KEY,
    deal_id      BIGINT NOT NULL CONSTRAINT fk_deal_history_deal REFERENCES deals (id),
    kind         INT    NOT NULL CONSTRAINT ck_deal_history_kind CHECK (kind IN (1, 2)),
    from_value   INT    NULL,
    to_value     INT    NOT NULL,
    on_date      DATE   NOT NULL,
    at           DATETIME2 NOT NULL,
    reason       NVARCHAR(1000) NULL,
    note         NVARCHAR(1000) NULL,
    by_user_id   BIGINT NULL CONSTRAINT fk_deal_history_user REFERENCES users (id)
);
CREATE INDEX ix_deal_history_deal ON deal_history (deal_id, id);
CREATE INDEX ix_deal_history_stages ON deal_history (deal_id, kind, id) INCLUDE (to_value, on_date);

CREATE TABLE idempotency_keys (
    idem_key      NVARCHAR(200)  NOT NULL CONSTRAINT pk_idempotency_keys PRIMARY KEY,
    request_hash  CHAR(64)       NOT NULL,
    status_code   INT            NOT NULL,
    content_type  NVARCHAR(200)  NULL,
    location      NVARCHAR(400)  NULL,
    etag          NVARCHAR(100)  NULL,
    body          VARBINARY(MAX) NOT NULL,
    created_at    DATETIME2      NOT NULL
);
