-- The office's counting rules (认定): which signed projects count as attracted (引进成功) toward its figures. Exclusions (a minimum
-- investment, sectors, continuations of earlier projects), the requirements met (a contract, registration, fixed assets, main works
-- started, the monthly ledger) and the window after signing to meet them. The default set: 1亿 and up, not signed again, not a second
-- phase nor a move within the city, with a contract, registration, funds in place and works started, all within two years.
CREATE TABLE counting_rules (
    id                    BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_counting_rules PRIMARY KEY,
    name                  NVARCHAR(100) NOT NULL,
    min_investment_minor  BIGINT NOT NULL CONSTRAINT ck_counting_rules_min CHECK (min_investment_minor >= 0),
    excluded_sectors      VARCHAR(1000) NOT NULL,
    excluded_prior_kinds  VARCHAR(200) NOT NULL,
    requires              VARCHAR(200) NOT NULL,
    window_months         INTEGER NOT NULL CONSTRAINT ck_counting_rules_window CHECK (window_months BETWEEN 1 AND 120),
    enabled               BIT NOT NULL,
    version               INTEGER NOT NULL CONSTRAINT df_counting_rules_version DEFAULT 1
);
CREATE UNIQUE INDEX ux_counting_rules_name ON counting_rules (name);

INSERT INTO counting_rules (name, min_investment_minor, excluded_sectors, excluded_prior_kinds, requires, window_months, enabled) VALUES
    (N'引进成功（默认）', 10000000000, '', 'resigning secondPhase relocation', 'contract registration fundsInPlace constructionStarted', 24, 1);
