-- The life of a signed project to full production (Zhejiang's 项目全周期): the office's ordered milestone steps, five built in
-- (开工, 入库, 投产, 上规, 达产; 开工 and 投产 stay dates of the deal itself), each deal's milestones of the other steps, and what
-- each project needs of the park (要素保障: land, energy, environmental capacity, water, power) with its approval.
CREATE TABLE milestone_steps (
    id         INTEGER PRIMARY KEY,
    code       TEXT  NOT NULL,
    name       TEXT NOT NULL,
    name_en    TEXT  NULL,
    position   INTEGER      NOT NULL CHECK (position BETWEEN 1 AND 10000),
    required   INTEGER      NOT NULL,
    enabled    INTEGER      NOT NULL,
    built_in   INTEGER      NOT NULL,
    version    INTEGER      NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_milestone_steps_code ON milestone_steps (code);
CREATE UNIQUE INDEX ux_milestone_steps_position ON milestone_steps (position);

INSERT INTO milestone_steps (code, name, name_en, position, required, enabled, built_in) VALUES
    ('landSupplied', '供地', 'Land supplied', 10, 0, 1, 0),
    ('projectFiled', '备案', 'Project filed', 20, 0, 1, 0),
    ('energyReviewed', '能评', 'Energy review passed', 30, 0, 1, 0),
    ('environmentApproved', '环评', 'Environmental assessment approved', 40, 0, 1, 0),
    ('permitIssued', '施工许可', 'Construction permit issued', 50, 0, 1, 0),
    ('constructionStarted', '开工', 'Construction started', 60, 1, 1, 1),
    ('statsEntered', '入库', 'Entered in the statistics', 70, 0, 1, 1),
    ('productionStarted', '投产', 'Production started', 80, 1, 1, 1),
    ('aboveSize', '上规', 'Above designated size', 90, 0, 1, 1),
    ('fullProduction', '达产', 'Full production', 100, 0, 1, 1);

CREATE TABLE deal_milestones (
    id          INTEGER PRIMARY KEY,
    deal_id     INTEGER NOT NULL REFERENCES deals (id),
    step_id     INTEGER NOT NULL REFERENCES milestone_steps (id),
    on_date     TEXT   NOT NULL,
    by_user_id  INTEGER NULL REFERENCES users (id),
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_deal_milestones_step ON deal_milestones (deal_id, step_id);

CREATE TABLE deal_needs (
    id              INTEGER PRIMARY KEY,
    deal_id         INTEGER NOT NULL REFERENCES deals (id),
    kind            TEXT NOT NULL CHECK (kind IN ('land', 'energy', 'environment', 'water', 'power')),
    quantity_milli  INTEGER NOT NULL CHECK (quantity_milli > 0),
    requested_on    TEXT NOT NULL,
    note            TEXT NULL,
    state           TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'partlyApproved', 'refused')),
    approved_milli  INTEGER NULL,
    decided_on      TEXT NULL,
    decided_by      INTEGER NULL REFERENCES users (id),
    decision_note   TEXT NULL,
    by_user_id      INTEGER NULL REFERENCES users (id),
    created_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_deal_needs_deal ON deal_needs (deal_id, id);
