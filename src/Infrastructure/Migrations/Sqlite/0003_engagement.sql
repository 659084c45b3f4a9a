-- Engagement: activities on deals, the three letters, and what promotion events yield.
-- deals.last_activity_on is the latest activity date of a deal: with last_change_on it gives the
-- deal's last touch, for the stale report, without changing the deal's version.

CREATE TABLE activities (
    id             INTEGER PRIMARY KEY,
    deal_id        INTEGER NOT NULL REFERENCES deals (id),
    type           INTEGER NOT NULL CHECK (type BETWEEN 1 AND 6),
    on_date        TEXT    NOT NULL,
    summary        TEXT    NOT NULL,
    next_step      TEXT    NULL,
    next_step_due  TEXT    NULL,
    by_user_id     INTEGER NULL REFERENCES users (id),
    created_at     TEXT    NOT NULL
);
CREATE INDEX ix_activities_deal ON activities (deal_id, on_date, id);
CREATE INDEX ix_activities_type ON activities (type, on_date, deal_id);

CREATE TABLE letters (
    id            INTEGER PRIMARY KEY,
    type          INTEGER NOT NULL CHECK (type BETWEEN 1 AND 3),
    signed_on     TEXT    NOT NULL,
    counterparty  TEXT    NOT NULL,
    deal_id       INTEGER NULL REFERENCES deals (id),
    event_id      INTEGER NULL REFERENCES events (id),
    by_user_id    INTEGER NULL REFERENCES users (id),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    version       INTEGER NOT NULL
);
CREATE INDEX ix_letters_event ON letters (event_id, type);
CREATE INDEX ix_letters_deal ON letters (deal_id);
CREATE INDEX ix_letters_signed ON letters (signed_on, type);

CREATE INDEX ix_events_starts ON events (starts_on, type);
CREATE INDEX ix_deals_source_event_status ON deals (source_event_id, status) WHERE deleted_at IS NULL;

ALTER TABLE deals ADD COLUMN last_activity_on TEXT NULL;
