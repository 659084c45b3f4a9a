-- Referrers (引荐人): people or organisations registered before they introduce a project; reward schemes (tiered or
-- marginal bands of the fixed-asset investment in place, in CNY fen, with a cap); and a deal's one confirmed referral,
-- naming its referrer and the scheme its reward is computed by.
CREATE TABLE referrers (
    id             BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_referrers PRIMARY KEY,
    kind           INT    NOT NULL,
    name           NVARCHAR(200) NOT NULL,
    company_id     BIGINT NULL CONSTRAINT fk_referrers_company REFERENCES companies (id),
    contact        NVARCHAR(200) NULL,
    registered_on  DATE   NOT NULL,
    by_user_id     BIGINT NULL CONSTRAINT fk_referrers_user REFERENCES users (id),
    created_at     DATETIME2 NOT NULL,
    version        INT    NOT NULL
);

CREATE TABLE reward_schemes (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_reward_schemes PRIMARY KEY,
    name        NVARCHAR(200) NOT NULL,
    method      INT    NOT NULL,
    bands       NVARCHAR(4000) NOT NULL,
    cap_minor   BIGINT NULL CONSTRAINT ck_reward_schemes_cap CHECK (cap_minor >= 0),
    created_at  DATETIME2 NOT NULL,
    version     INT    NOT NULL
);
CREATE UNIQUE INDEX ux_reward_schemes_name ON reward_schemes (name);

CREATE TABLE referrals (
    deal_id       BIGINT NOT NULL CONSTRAINT pk_referrals PRIMARY KEY CONSTRAINT fk_referrals_deal REFERENCES deals (id),
    referrer_id   BIGINT NOT NULL CONSTRAINT fk_referrals_referrer REFERENCES referrers (id),
    scheme_id     BIGINT NOT NULL CONSTRAINT fk_referrals_scheme REFERENCES reward_schemes (id),
    confirmed_on  DATE   NOT NULL,
    confirmation  NVARCHAR(1000) NOT NULL,
    by_user_id    BIGINT NULL CONSTRAINT fk_referrals_user REFERENCES users (id),
    created_at    DATETIME2 NOT NULL
);
CREATE INDEX ix_referrals_referrer ON referrals (referrer_id, deal_id);
