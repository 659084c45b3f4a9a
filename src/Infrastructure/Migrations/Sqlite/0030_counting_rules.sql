-- The office's counting rules (认定): which signed projects count as attracted (引进成功) toward its figures. Exclusions (a minimum
-- investment, sectors, continuations of earlier projects), the requirements met (a contract, registration, fixed assets, main works
-- started, the monthly ledger) and the window after signing to meet them. The default set: 1亿 and up, not signed again, not a second
-- phase nor a move within the city, with a contract, registration, funds in place and works started, all within two years.
CREATE TABLE counting_rules (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT NOT NULL,
    min_investment_minor  INTEGER NOT NULL CHECK (min_investment_minor >= 0),
    excluded_sectors      TEXT NOT NULL,
    excluded_prior_kinds  TEXT NOT NULL,
    requires              TEXT NOT NULL,
    window_months         INTEGER NOT NULL CHECK (window_months BETWEEN 1 AND 120),
    enabled               INTEGER NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_counting_rules_name ON counting_rules (name);

INSERT INTO counting_rules (name, min_investment_minor, excluded_sectors, excluded_prior_kinds, requires, window_months, enabled) VALUES
    ('引进成功（默认）', 10000000000, '', 'resigning secondPhase relocation', 'contract registration fundsInPlace constructionStarted', 24, 1);
