-- Response deadlines (服务时限). The office's calendar: for each year an admin loads, its public
-- holidays and the weekend days made working days (调休); a year not loaded counts Monday to Friday.
-- Deadline rules per class of lead (leads of at least min_intended_minor fen, in CNY): answer and assess
-- within so many working or calendar days of the opening, report every so many days. Units by name.
CREATE TABLE calendar_years (
    cal_year    INTEGER NOT NULL CONSTRAINT pk_calendar_years PRIMARY KEY,
    version     INTEGER NOT NULL CONSTRAINT df_calendar_years_version DEFAULT 1,
    updated_at  DATETIME2 NOT NULL
);

CREATE TABLE calendar_days (
    on_date   DATE    NOT NULL CONSTRAINT pk_calendar_days PRIMARY KEY,
    cal_year  INTEGER NOT NULL CONSTRAINT fk_calendar_days_year REFERENCES calendar_years (cal_year),
    kind      VARCHAR(7) NOT NULL CONSTRAINT ck_calendar_days_kind CHECK (kind IN ('holiday', 'workday'))
);
CREATE INDEX ix_calendar_days_year ON calendar_days (cal_year, on_date);

CREATE TABLE deadline_rules (
    id                  BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_deadline_rules PRIMARY KEY,
    name                NVARCHAR(200) NOT NULL,
    min_intended_minor  BIGINT  NOT NULL CONSTRAINT ck_deadline_rules_threshold CHECK (min_intended_minor >= 0),
    answer_count        INTEGER NULL,
    answer_unit         VARCHAR(11) NULL CONSTRAINT ck_deadline_rules_answer_unit CHECK (answer_unit IN ('workingDays', 'days')),
    assess_count        INTEGER NULL,
    assess_unit         VARCHAR(11) NULL CONSTRAINT ck_deadline_rules_assess_unit CHECK (assess_unit IN ('workingDays', 'days')),
    report_count        INTEGER NULL,
    report_unit         VARCHAR(11) NULL CONSTRAINT ck_deadline_rules_report_unit CHECK (report_unit IN ('workingDays', 'days')),
    version             INTEGER NOT NULL CONSTRAINT df_deadline_rules_version DEFAULT 1,
    created_at          DATETIME2 NOT NULL
);
CREATE UNIQUE INDEX ux_deadline_rules_name ON deadline_rules (name);
CREATE UNIQUE INDEX ux_deadline_rules_threshold ON deadline_rules (min_intended_minor);
