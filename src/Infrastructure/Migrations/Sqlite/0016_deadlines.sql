-- Response deadlines (服务时限). The office's calendar: for each year an admin loads, its public
-- holidays and the weekend days made working days (调休); a year not loaded counts Monday to Friday.
-- Deadline rules per class of lead (leads of at least min_intended_minor fen, in CNY): answer and assess
-- within so many working or calendar days of the opening, report every so many days. Units by name.
CREATE TABLE calendar_years (
    cal_year    INTEGER NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT    NOT NULL
);

CREATE TABLE calendar_days (
    on_date   TEXT    NOT NULL PRIMARY KEY,
    cal_year  INTEGER NOT NULL REFERENCES calendar_years (cal_year),
    kind      TEXT    NOT NULL CHECK (kind IN ('holiday', 'workday'))
);
CREATE INDEX ix_calendar_days_year ON calendar_days (cal_year, on_date);

CREATE TABLE deadline_rules (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL,
    min_intended_minor  INTEGER NOT NULL CHECK (min_intended_minor >= 0),
    answer_count        INTEGER NULL,
    answer_unit         TEXT    NULL CHECK (answer_unit IN ('workingDays', 'days')),
    assess_count        INTEGER NULL,
    assess_unit         TEXT    NULL CHECK (assess_unit IN ('workingDays', 'days')),
    report_count        INTEGER NULL,
    report_unit         TEXT    NULL CHECK (report_unit IN ('workingDays', 'days')),
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_deadline_rules_name ON deadline_rules (name);
CREATE UNIQUE INDEX ux_deadline_rules_threshold ON deadline_rules (min_intended_minor);
