-- Past reports stay as they were reported: the fields a pipeline report counts by (amount,
-- currency, owner, team, park, sector, key-project flag) are kept per business date, like stages
-- in deal_history. A revision is in force from on_date until valid_until (the next revision's
-- date; NULL while in force). Existing deals start with one revision, their current values, from
-- the day they were opened: their earlier revisions were not recorded.
CREATE TABLE deal_revisions (
    id             BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_deal_revisions PRIMARY KEY,
    deal_id        BIGINT    NOT NULL REFERENCES deals (id),
    on_date        DATE      NOT NULL,
    valid_until    DATE      NULL,
    intended_minor BIGINT    NOT NULL,
    currency       CHAR(3)   NOT NULL,
    owner_id       BIGINT    NOT NULL,
    team_id        BIGINT    NULL,
    park_id        BIGINT    NOT NULL,
    sector_id      BIGINT    NOT NULL,
    is_key_project BIT NOT NULL,
    at             DATETIME2 NOT NULL,
    by_user_id     BIGINT    NULL
);
CREATE INDEX ix_deal_revisions_in_force ON deal_revisions (deal_id, valid_until, on_date);

INSERT INTO deal_revisions (deal_id, on_date, valid_until, intended_minor, currency, owner_id, team_id, park_id, sector_id, is_key_project, at)
SELECT id, opened_on, NULL, intended_minor, currency, owner_id, team_id, park_id, sector_id, is_key_project, created_at FROM deals;
