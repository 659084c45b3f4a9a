-- Claims (首报首谈): a unit's claim, for a park or a team, on a company's project, on the basis of its first report,
-- first talk and evidence; held until it expires, renewed, released or transferred by a manager. Other units may not
-- open deals for the company while it holds. Its events (registered, renewed, transferred, released, overridden by a
-- manager for another unit's deal) are its history.
CREATE TABLE claims (
    id                 INTEGER PRIMARY KEY,
    company_id         INTEGER NOT NULL REFERENCES companies (id),
    park_id            INTEGER NULL REFERENCES parks (id),
    team_id            INTEGER NULL REFERENCES teams (id),
    first_reported_on  TEXT    NOT NULL,
    first_talk_on      TEXT    NULL,
    evidence           TEXT    NOT NULL,
    intended_minor     BIGINT  NULL CHECK (intended_minor >= 0),
    currency           TEXT    NOT NULL,
    foreign_funded     INTEGER NOT NULL,
    sector_id          INTEGER NULL REFERENCES sectors (id),
    status             INTEGER NOT NULL,
    expires_on         TEXT    NOT NULL,
    by_user_id         INTEGER NULL REFERENCES users (id),
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    version            INTEGER NOT NULL
);
CREATE INDEX ix_claims_company ON claims (company_id);

CREATE TABLE claim_events (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims (id),
    kind        INTEGER NOT NULL,
    on_date     TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    by_user_id  INTEGER NULL REFERENCES users (id),
    reason      TEXT    NULL,
    park_id     INTEGER NULL REFERENCES parks (id),
    team_id     INTEGER NULL REFERENCES teams (id),
    deal_id     INTEGER NULL REFERENCES deals (id)
);
CREATE INDEX ix_claim_events_claim ON claim_events (claim_id, id);
