-- Claims (首报首谈): a unit's claim, for a park or a team, on a company's project, on the basis of its first report,
-- first talk and evidence; held until it expires, renewed, released or transferred by a manager. Other units may not
-- open deals for the company while it holds. Its events (registered, renewed, transferred, released, overridden by a
-- manager for another unit's deal) are its history.
CREATE TABLE claims (
    id                 BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_claims PRIMARY KEY,
    company_id         BIGINT NOT NULL CONSTRAINT fk_claims_company REFERENCES companies (id),
    park_id            BIGINT NULL CONSTRAINT fk_claims_park REFERENCES parks (id),
    team_id            BIGINT NULL CONSTRAINT fk_claims_team REFERENCES teams (id),
    first_reported_on  DATE   NOT NULL,
    first_talk_on      DATE   NULL,
    evidence           NVARCHAR(2000) NOT NULL,
    intended_minor     BIGINT NULL CONSTRAINT ck_claims_intended CHECK (intended_minor >= 0),
    currency           CHAR(3) NOT NULL,
    foreign_funded     BIT NOT NULL,
    sector_id          BIGINT NULL CONSTRAINT fk_claims_sector REFERENCES sectors (id),
    status             INT    NOT NULL,
    expires_on         DATE   NOT NULL,
    by_user_id         BIGINT NULL CONSTRAINT fk_claims_user REFERENCES users (id),
    created_at         DATETIME2 NOT NULL,
    updated_at         DATETIME2 NOT NULL,
    version            INT    NOT NULL
);
CREATE INDEX ix_claims_company ON claims (company_id);

CREATE TABLE claim_events (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_claim_events PRIMARY KEY,
    claim_id    BIGINT NOT NULL CONSTRAINT fk_claim_events_claim REFERENCES claims (id),
    kind        INT    NOT NULL,
    on_date     DATE   NOT NULL,
    at          DATETIME2 NOT NULL,
    by_user_id  BIGINT NULL CONSTRAINT fk_claim_events_user REFERENCES users (id),
    reason      NVARCHAR(1000) NULL,
    park_id     BIGINT NULL CONSTRAINT fk_claim_events_park REFERENCES parks (id),
    team_id     BIGINT NULL CONSTRAINT fk_claim_events_team REFERENCES teams (id),
    deal_id     BIGINT NULL CONSTRAINT fk_claim_events_deal REFERENCES deals (id)
);
CREATE INDEX ix_claim_events_claim ON claim_events (claim_id, id);
