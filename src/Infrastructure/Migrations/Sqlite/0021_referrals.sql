-- Referrers (引荐人): people or organisations registered before they introduce a project; reward schemes (tiered or
-- marginal bands of the fixed-asset investment in place, in CNY fen, with a cap); and a deal's one confirmed referral,
-- naming its referrer and the scheme its reward is computed by.
CREATE TABLE referrers (
    id             INTEGER PRIMARY KEY,
    kind           INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    company_id     INTEGER NULL REFERENCES companies (id),
    contact        TEXT    NULL,
    registered_on  TEXT    NOT NULL,
    by_user_id     INTEGER NULL REFERENCES users (id),
    created_at     TEXT    NOT NULL,
    version        INTEGER NOT NULL
);

CREATE TABLE reward_schemes (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    method      INTEGER NOT NULL,
    bands       TEXT    NOT NULL,
    cap_minor   BIGINT  NULL CHECK (cap_minor >= 0),
    created_at  TEXT    NOT NULL,
    version     INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_reward_schemes_name ON reward_schemes (name);

CREATE TABLE referrals (
    deal_id       INTEGER PRIMARY KEY REFERENCES deals (id),
    referrer_id   INTEGER NOT NULL REFERENCES referrers (id),
    scheme_id     INTEGER NOT NULL REFERENCES reward_schemes (id),
    confirmed_on  TEXT    NOT NULL,
    confirmation  TEXT    NOT NULL,
    by_user_id    INTEGER NULL REFERENCES users (id),
    created_at    TEXT    NOT NULL
);
CREATE INDEX ix_referrals_referrer ON referrals (referrer_id, deal_id);
