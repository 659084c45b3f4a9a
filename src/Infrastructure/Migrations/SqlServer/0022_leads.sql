-- Leads (线索): projects heard of before a deal exists, from a form, an event, a referrer, a visit or a call; dispatched
-- on intake by the first matching rule (sector, region, amount) to a team or an officer, else left in the shared pool
-- (公海). Their deadlines run from the day received; a late lead is escalated (owner, team's managers, flagged) and an
-- untouched one recycled to the pool. A lead converts to a deal once, keeping its history (lead_events).
CREATE TABLE lead_rules (
    id           BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_lead_rules PRIMARY KEY,
    name         NVARCHAR(200) NOT NULL,
    priority     INT    NOT NULL,
    sector_id    BIGINT NULL CONSTRAINT fk_lead_rules_sector REFERENCES sectors (id),
    region_code  CHAR(6) NULL,
    min_minor    BIGINT NULL CONSTRAINT ck_lead_rules_min CHECK (min_minor >= 0),
    max_minor    BIGINT NULL CONSTRAINT ck_lead_rules_max CHECK (max_minor >= 0),
    team_id      BIGINT NULL CONSTRAINT fk_lead_rules_team REFERENCES teams (id),
    owner_id     BIGINT NULL CONSTRAINT fk_lead_rules_owner REFERENCES users (id),
    created_at   DATETIME2 NOT NULL,
    version      INT    NOT NULL
);
CREATE UNIQUE INDEX ux_lead_rules_name ON lead_rules (name);

CREATE TABLE leads (
    id               BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_leads PRIMARY KEY,
    company_id       BIGINT NOT NULL CONSTRAINT fk_leads_company REFERENCES companies (id),
    title            NVARCHAR(200) NOT NULL,
    source           INT    NOT NULL,
    source_event_id  BIGINT NULL CONSTRAINT fk_leads_event REFERENCES events (id),
    referrer_id      BIGINT NULL CONSTRAINT fk_leads_referrer REFERENCES referrers (id),
    sector_id        BIGINT NULL CONSTRAINT fk_leads_sector REFERENCES sectors (id),
    park_id          BIGINT NULL CONSTRAINT fk_leads_park REFERENCES parks (id),
    intended_minor   BIGINT NULL CONSTRAINT ck_leads_intended CHECK (intended_minor >= 0),
    currency         CHAR(3) NOT NULL,
    contact          NVARCHAR(1000) NULL,
    note             NVARCHAR(2000) NULL,
    received_on      DATE   NOT NULL,
    status           INT    NOT NULL,
    owner_id         BIGINT NULL CONSTRAINT fk_leads_owner REFERENCES users (id),
    team_id          BIGINT NULL CONSTRAINT fk_leads_team REFERENCES teams (id),
    rule_id          BIGINT NULL CONSTRAINT fk_leads_rule REFERENCES lead_rules (id),
    first_contact_on DATE   NULL,
    touched_on       DATE   NOT NULL,
    escalation       INT    NOT NULL,
    decided_on       DATE   NULL,
    deal_id          BIGINT NULL CONSTRAINT fk_leads_deal REFERENCES deals (id),
    by_user_id       BIGINT NULL CONSTRAINT fk_leads_user REFERENCES users (id),
    created_at       DATETIME2 NOT NULL,
    updated_at       DATETIME2 NOT NULL,
    version          INT    NOT NULL
);
CREATE INDEX ix_leads_status ON leads (status, id);
CREATE INDEX ix_leads_received ON leads (received_on);
CREATE UNIQUE INDEX ux_leads_deal ON leads (deal_id) WHERE deal_id IS NOT NULL;

CREATE TABLE lead_events (
    id             BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_lead_events PRIMARY KEY,
    lead_id        BIGINT NOT NULL CONSTRAINT fk_lead_events_lead REFERENCES leads (id),
    kind           INT    NOT NULL,
    on_date        DATE   NOT NULL,
    at             DATETIME2 NOT NULL,
    by_user_id     BIGINT NULL CONSTRAINT fk_lead_events_user REFERENCES users (id),
    note           NVARCHAR(2000) NULL,
    activity_type  INT    NULL,
    owner_id       BIGINT NULL CONSTRAINT fk_lead_events_owner REFERENCES users (id),
    team_id        BIGINT NULL CONSTRAINT fk_lead_events_team REFERENCES teams (id),
    rule_id        BIGINT NULL CONSTRAINT fk_lead_events_rule REFERENCES lead_rules (id),
    level          INT    NULL,
    notified       NVARCHAR(1000) NULL,
    deal_id        BIGINT NULL CONSTRAINT fk_lead_events_deal REFERENCES deals (id)
);
CREATE INDEX ix_lead_events_lead ON lead_events (lead_id, id);

-- A manager's override of a claim for another unit's lead names the lead.
ALTER TABLE claim_events ADD lead_id BIGINT NULL CONSTRAINT fk_claim_events_lead REFERENCES leads (id);
