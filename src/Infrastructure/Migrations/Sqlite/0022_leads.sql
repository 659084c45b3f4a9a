-- Leads (线索): projects heard of before a deal exists, from a form, an event, a referrer, a visit or a call; dispatched
-- on intake by the first matching rule (sector, region, amount) to a team or an officer, else left in the shared pool
-- (公海). Their deadlines run from the day received; a late lead is escalated (owner, team's managers, flagged) and an
-- untouched one recycled to the pool. A lead converts to a deal once, keeping its history (lead_events).
CREATE TABLE lead_rules (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    priority     INTEGER NOT NULL,
    sector_id    INTEGER NULL REFERENCES sectors (id),
    region_code  TEXT    NULL,
    min_minor    BIGINT  NULL CHECK (min_minor >= 0),
    max_minor    BIGINT  NULL CHECK (max_minor >= 0),
    team_id      INTEGER NULL REFERENCES teams (id),
    owner_id     INTEGER NULL REFERENCES users (id),
    created_at   TEXT    NOT NULL,
    version      INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_lead_rules_name ON lead_rules (name);

CREATE TABLE leads (
    id               INTEGER PRIMARY KEY,
    company_id       INTEGER NOT NULL REFERENCES companies (id),
    title            TEXT    NOT NULL,
    source           INTEGER NOT NULL,
    source_event_id  INTEGER NULL REFERENCES events (id),
    referrer_id      INTEGER NULL REFERENCES referrers (id),
    sector_id        INTEGER NULL REFERENCES sectors (id),
    park_id          INTEGER NULL REFERENCES parks (id),
    intended_minor   BIGINT  NULL CHECK (intended_minor >= 0),
    currency         TEXT    NOT NULL,
    contact          TEXT    NULL,
    note             TEXT    NULL,
    received_on      TEXT    NOT NULL,
    status           INTEGER NOT NULL,
    owner_id         INTEGER NULL REFERENCES users (id),
    team_id          INTEGER NULL REFERENCES teams (id),
    rule_id          INTEGER NULL REFERENCES lead_rules (id),
    first_contact_on TEXT    NULL,
    touched_on       TEXT    NOT NULL,
    escalation       INTEGER NOT NULL,
    decided_on       TEXT    NULL,
    deal_id          INTEGER NULL REFERENCES deals (id),
    by_user_id       INTEGER NULL REFERENCES users (id),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    version          INTEGER NOT NULL
);
CREATE INDEX ix_leads_status ON leads (status, id);
CREATE INDEX ix_leads_received ON leads (received_on);
CREATE UNIQUE INDEX ux_leads_deal ON leads (deal_id) WHERE deal_id IS NOT NULL;

CREATE TABLE lead_events (
    id             INTEGER PRIMARY KEY,
    lead_id        INTEGER NOT NULL REFERENCES leads (id),
    kind           INTEGER NOT NULL,
    on_date        TEXT    NOT NULL,
    at             TEXT    NOT NULL,
    by_user_id     INTEGER NULL REFERENCES users (id),
    note           TEXT    NULL,
    activity_type  INTEGER NULL,
    owner_id       INTEGER NULL REFERENCES users (id),
    team_id        INTEGER NULL REFERENCES teams (id),
    rule_id        INTEGER NULL REFERENCES lead_rules (id),
    level          INTEGER NULL,
    notified       TEXT    NULL,
    deal_id        INTEGER NULL REFERENCES deals (id)
);
CREATE INDEX ix_lead_events_lead ON lead_events (lead_id, id);

-- A manager's override of a claim for another unit's lead names the lead.
ALTER TABLE claim_events ADD COLUMN lead_id INTEGER NULL REFERENCES leads (id);
