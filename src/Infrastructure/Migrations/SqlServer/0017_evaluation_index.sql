-- The evaluation index (指标评价体系): criteria sets an admin configures, each change to a set that
-- has scores kept as a new revision (old scores keep theirs); a revision's definition (criteria and
-- weights, bands, veto items) is JSON the service checks before writing. A deal's scores keep their
-- revision, total (in tenths of a point), band ('vetoed' when a veto applied) and the scores and
-- vetoes given. Deals gain their land area in 亩 (hundredths, exact), for per-亩 figures.
CREATE TABLE criteria_sets (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_criteria_sets PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    revision    INTEGER NOT NULL CONSTRAINT df_criteria_sets_revision DEFAULT 1,
    version     INTEGER NOT NULL CONSTRAINT df_criteria_sets_version DEFAULT 1,
    created_at  DATETIME2 NOT NULL
);
CREATE UNIQUE INDEX ux_criteria_sets_name ON criteria_sets (name);

CREATE TABLE criteria_set_revisions (
    set_id      BIGINT  NOT NULL CONSTRAINT fk_criteria_set_revisions_set REFERENCES criteria_sets (id),
    revision    INTEGER NOT NULL,
    definition  NVARCHAR(MAX) NOT NULL,
    created_at  DATETIME2 NOT NULL,
    CONSTRAINT pk_criteria_set_revisions PRIMARY KEY (set_id, revision)
);

CREATE TABLE deal_scores (
    id            BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_deal_scores PRIMARY KEY,
    deal_id       BIGINT  NOT NULL CONSTRAINT fk_deal_scores_deal REFERENCES deals (id),
    set_id        BIGINT  NOT NULL CONSTRAINT fk_deal_scores_set REFERENCES criteria_sets (id),
    revision      INTEGER NOT NULL,
    total_tenths  INTEGER NOT NULL CONSTRAINT ck_deal_scores_total CHECK (total_tenths BETWEEN 0 AND 1000),
    band          NVARCHAR(40) NOT NULL,
    scores        NVARCHAR(MAX) NOT NULL,
    vetoes        NVARCHAR(MAX) NULL,
    note          NVARCHAR(1000) NULL,
    by_user_id    BIGINT  NULL CONSTRAINT fk_deal_scores_user REFERENCES users (id),
    created_at    DATETIME2 NOT NULL
);
-- A deal's latest score (the highest id) and its list, newest first.
CREATE INDEX ix_deal_scores_deal ON deal_scores (deal_id, id);
-- Whether a revision has scores (a change to it then makes a new revision): a seek, not a scan.
CREATE INDEX ix_deal_scores_set ON deal_scores (set_id, revision);

ALTER TABLE deals ADD land_area_centimu BIGINT NULL;
