-- Funds in place (到位资金): dated amounts actually invested in a signed or landed deal, in the
-- deal's currency (like its intended and contracted investment: a correction of the deal's currency
-- corrects what its amounts are in). Offices are judged on these, not only on intentions.
CREATE TABLE funds_in_place (
    id            INTEGER PRIMARY KEY,
    deal_id       INTEGER NOT NULL REFERENCES deals (id),
    on_date       TEXT    NOT NULL,
    amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
    note          TEXT    NULL,
    by_user_id    INTEGER NULL REFERENCES users (id),
    created_at    TEXT    NOT NULL
);
-- Covers both the list of a deal's funds (newest first) and the reports' sums per deal.
CREATE INDEX ix_funds_in_place_deal ON funds_in_place (deal_id, on_date, id, amount_minor);
