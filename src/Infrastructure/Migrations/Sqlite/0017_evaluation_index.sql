-- The evaluation index (指标评价体系): criteria sets an admin configures, each change to a set that
-- has scores kept as a new revision (old scores keep theirs); a revision's definition (criteria and
-- weights, bands, veto items) is JSON the service checks before writing. A deal's scores keep their
-- revision, total (in tenths of a point), band ('vetoed' when a veto applied) and the scores and
-- vetoes given. Deals gain their land area in 亩 (hundredths, exact), for per-亩 figures.
CREATE TABLE criteria_sets (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 1,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_criteria_sets_name ON criteria_sets (name);

CREATE TABLE criteria_set_revisions (
    set_id      INTEGER NOT NULL REFERENCES criteria_sets (id),
    revision    INTEGER NOT NULL,
    definition  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (set_id, revision)
);

CREATE TABLE deal_scores (
    id            INTEGER PRIMARY KEY,
    deal_id       INTEGER NOT NULL REFERENCES deals (id),
    set_id        INTEGER NOT NULL REFERENCES criteria_sets (id),
    revision      INTEGER NOT NULL,
    total_tenths  INTEGER NOT NULL CHECK (total_tenths BETWEEN 0 AND 1000),
    band          TEXT    NOT NULL,
    scores        TEXT    NOT NULL,
    vetoes        TEXT    NULL,
    note          TEXT    NULL,
    by_user_id    INTEGER NULL REFERENCES users (id),
    created_at    TEXT    NOT NULL
);
-- A deal's latest score (the highest id) and its list, newest first.
CREATE INDEX ix_deal_scores_deal ON deal_scores (deal_id, id);
-- Whether a revision has scores (a change to it then makes a new revision): a seek, not a scan.
CREATE INDEX ix_deal_scores_set ON deal_scores (set_id, revision);

ALTER TABLE deals ADD COLUMN land_area_centimu INTEGER NULL;
