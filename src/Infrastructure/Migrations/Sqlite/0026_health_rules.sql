-- The office's fulfilment health check (项目体检): its rules, each a kind, a period and (for the funds rules) the share of the
-- investment expected in place. The default set is the four rules Weinan checked its 1,263 signed projects with.
CREATE TABLE health_rules (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('notStarted', 'noFunds', 'lowFunds', 'fundsBehindProgress')),
    period_count   INTEGER NOT NULL CHECK (period_count BETWEEN 1 AND 3650),
    period_unit    TEXT    NOT NULL CHECK (period_unit IN ('days', 'workingDays', 'months')),
    percent_below  INTEGER NULL CHECK (percent_below BETWEEN 1 AND 100),
    enabled        INTEGER NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_health_rules_name ON health_rules (name);

INSERT INTO health_rules (name, kind, period_count, period_unit, percent_below, enabled) VALUES
    ('签约满一年未开工', 'notStarted', 12, 'months', NULL, 1),
    ('开工后三个月无资金到位', 'noFunds', 3, 'months', NULL, 1),
    ('开工满六个月资金到位不足15%', 'lowFunds', 6, 'months', 15, 1),
    ('投产后资金到位不足50%', 'fundsBehindProgress', 1, 'months', 50, 1);
