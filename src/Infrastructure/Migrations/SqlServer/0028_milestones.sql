-- The life of a signed project to full production (Zhejiang's 项目全周期): the office's ordered milestone steps, five built in
-- (开工, 入库, 投产, 上规, 达产; 开工 and 投产 stay dates of the deal itself), each deal's milestones of the other steps, and what
-- each project needs of the park (要素保障: land, energy, environmental capacity, water, power) with its approval.
CREATE TABLE milestone_steps (
    id         BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_milestone_steps PRIMARY KEY,
    code       VARCHAR(40)  NOT NULL,
    name       NVARCHAR(50) NOT NULL,
    name_en    VARCHAR(50)  NULL,
    position   INTEGER      NOT NULL CONSTRAINT ck_milestone_steps_position CHECK (position BETWEEN 1 AND 10000),
    required   BIT      NOT NULL,
    enabled    BIT      NOT NULL,
    built_in   BIT      NOT NULL,
    version    INTEGER      NOT NULL CONSTRAINT df_milestone_steps_version DEFAULT 1
);
CREATE UNIQUE INDEX ux_milestone_steps_code ON milestone_steps (code);
CREATE UNIQUE INDEX ux_milestone_steps_position ON milestone_steps (position);

INSERT INTO milestone_steps (code, name, name_en, position, required, enabled, built_in) VALUES
    ('landSupplied', N'供地', 'Land supplied', 10, 0, 1, 0),
    ('projectFiled', N'备案', 'Project filed', 20, 0, 1, 0),
    ('energyReviewed', N'能评', 'Energy review passed', 30, 0, 1, 0),
    ('environmentApproved', N'环评', 'Environmental assessment approved', 40, 0, 1, 0),
    ('permitIssued', N'施工许可', 'Construction permit issued', 50, 0, 1, 0),
    ('constructionStarted', N'开工', 'Construction started', 60, 1, 1, 1),
    ('statsEntered', N'入库', 'Entered in the statistics', 70, 0, 1, 1),
    ('productionStarted', N'投产', 'Production started', 80, 1, 1, 1),
    ('aboveSize', N'上规', 'Above designated size', 90, 0, 1, 1),
    ('fullProduction', N'达产', 'Full production', 100, 0, 1, 1);

CREATE TABLE deal_milestones (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_deal_milestones PRIMARY KEY,
    deal_id     BIGINT NOT NULL CONSTRAINT fk_deal_milestones_deal REFERENCES deals (id),
    step_id     BIGINT NOT NULL CONSTRAINT fk_deal_milestones_step REFERENCES milestone_steps (id),
    on_date     DATE   NOT NULL,
    by_user_id  BIGINT NULL CONSTRAINT fk_deal_milestones_user REFERENCES users (id),
    created_at  DATETIME2 NOT NULL
);
CREATE UNIQUE INDEX ux_deal_milestones_step ON deal_milestones (deal_id, step_id);

CREATE TABLE deal_needs (
    id              BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_deal_needs PRIMARY KEY,
    deal_id         BIGINT NOT NULL CONSTRAINT fk_deal_needs_deal REFERENCES deals (id),
    kind            VARCHAR(12) NOT NULL CONSTRAINT ck_deal_needs_kind CHECK (kind IN ('land', 'energy', 'environment', 'water', 'power')),
    quantity_milli  BIGINT NOT NULL CONSTRAINT ck_deal_needs_quantity CHECK (quantity_milli > 0),
    requested_on    DATE NOT NULL,
    note            NVARCHAR(1000) NULL,
    state           VARCHAR(14) NOT NULL CONSTRAINT ck_deal_needs_state CHECK (state IN ('requested', 'approved', 'partlyApproved', 'refused')),
    approved_milli  BIGINT NULL,
    decided_on      DATE NULL,
    decided_by      BIGINT NULL CONSTRAINT fk_deal_needs_decider REFERENCES users (id),
    decision_note   NVARCHAR(1000) NULL,
    by_user_id      BIGINT NULL CONSTRAINT fk_deal_needs_user REFERENCES users (id),
    created_at      DATETIME2 NOT NULL,
    version         INTEGER NOT NULL CONSTRAINT df_deal_needs_version DEFAULT 1
);
CREATE INDEX ix_deal_needs_deal ON deal_needs (deal_id, id);
