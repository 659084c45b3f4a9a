-- Engagement: activities on deals, the three letters, and what promotion events yield.
-- deals.last_activity_on is the latest activity date of a deal: with last_change_on it gives the
-- deal's last touch, for the stale report, without changing the deal's version.

CREATE TABLE activities (
    id             BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_activities PRIMARY KEY,
    deal_id        BIGINT NOT NULL CONSTRAINT fk_activities_deal REFERENCES deals (id),
    type           INT    NOT NULL CONSTRAINT ck_activities_type CHECK (type BETWEEN 1 AND 6),
    on_date        DATE   NOT NULL,
    summary        NVARCHAR(2000) NOT NULL,
    next_step      NVARCHAR(1000) NULL,
    next_step_due  DATE   NULL,
    by_user_id     BIGINT NULL CONSTRAINT fk_activities_user REFERENCES users (id),
    created_at     DATETIME2 NOT NULL
);
CREATE INDEX ix_activities_deal ON activities (deal_id, on_date, id);
CREATE INDEX ix_activities_type ON activities (type, on_date, deal_id);

CREATE TABLE letters (
    id            BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_letters PRIMARY KEY,
    type          INT    NOT NULL CONSTRAINT ck_letters_type CHECK (type BETWEEN 1 AND 3),
    signed_on     DATE   NOT NULL,
    counterparty  NVARCHAR(200) NOT NULL,
    deal_id       BIGINT NULL CONSTRAINT fk_letters_deal REFERENCES deals (id),
    event_id      BIGINT NULL CONSTRAINT fk_letters_event REFERENCES events (id),
    by_user_id    BIGINT NULL CONSTRAINT fk_letters_user REFERENCES users (id),
    created_at    DATETIME2 NOT NULL,
    updated_at    DATETIME2 NOT NULL,
    version       INT    NOT NULL
);
CREATE INDEX ix_letters_event ON letters (event_id, type);
CREATE INDEX ix_letters_deal ON letters (deal_id);
CREATE INDEX ix_letters_signed ON letters (signed_on, type);

CREATE INDEX ix_events_starts ON events (starts_on, type);
CREATE INDEX ix_deals_source_event_status ON deals (source_event_id, status) WHERE deleted_at IS NULL;

ALTER TABLE deals ADD last_activity_on DATE NULL;
