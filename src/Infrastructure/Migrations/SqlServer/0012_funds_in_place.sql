-- Funds in place (到位资金): dated amounts actually invested in a signed or landed deal, in the
-- deal's currency (like its intended and contracted investment: a correction of the deal's currency
-- corrects what its amounts are in). Offices are judged on these, not only on intentions.
CREATE TABLE funds_in_place (
    id            BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_funds_in_place PRIMARY KEY,
    deal_id       BIGINT NOT NULL CONSTRAINT fk_funds_in_place_deal REFERENCES deals (id),
    on_date       DATE   NOT NULL,
    amount_minor  BIGINT NOT NULL CONSTRAINT ck_funds_in_place_amount CHECK (amount_minor > 0),
    note          NVARCHAR(1000) NULL,
    by_user_id    BIGINT NULL CONSTRAINT fk_funds_in_place_user REFERENCES users (id),
    created_at    DATETIME2 NOT NULL
);
-- Covers both the list of a deal's funds (newest first) and the reports' sums per deal.
CREATE INDEX ix_funds_in_place_deal ON funds_in_place (deal_id, on_date, id, amount_minor);
