-- The year's targets (目标), for the whole office or one park or one team: completion ratios
-- in the performance report. park_key and team_key are the park and team ids, 0 for "all".

CREATE TABLE targets (
    year               INT       NOT NULL,
    park_key           BIGINT    NOT NULL,
    team_key           BIGINT    NOT NULL,
    signed_count       INT       NULL,
    landed_count       INT       NULL,
    signed_minor       BIGINT    NULL,
    landed_minor       BIGINT    NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_targets PRIMARY KEY (year, park_key, team_key)
);

-- Period figures read only the deals whose dates fall in the period.
CREATE INDEX ix_deals_signed ON deals (signed_on) WHERE signed_on IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX ix_deals_landed ON deals (landed_on) WHERE landed_on IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX ix_deals_construction ON deals (construction_started_on) WHERE construction_started_on IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX ix_deals_production ON deals (production_started_on) WHERE production_started_on IS NOT NULL AND deleted_at IS NULL;
