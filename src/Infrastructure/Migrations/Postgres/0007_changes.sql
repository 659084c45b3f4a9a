-- The change feed: one row per committed write, numbered in commit order. Identity values are
-- handed out at insert time and transactions can commit out of that order, so every writer takes
-- a transaction-level advisory lock just before writing its row (PostgresDialect.ChangeFeedLock):
-- numbers are taken and committed one transaction at a time, and a reader that sees a number
-- committed can never later see a smaller one appear. deal_id names the deal a change belongs to,
-- so that readers see only the changes of deals they may see.
CREATE TABLE changes (
    sequence    BIGINT GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_changes PRIMARY KEY,
    entity      VARCHAR(50)   NOT NULL,
    entity_id   VARCHAR(100)  NULL,
    kind        VARCHAR(50)   NOT NULL,
    version     INT           NULL,
    deal_id     BIGINT        NULL,
    by_user_id  BIGINT        NULL,
    actor       VARCHAR(100)  NOT NULL,
    at          TIMESTAMPTZ   NOT NULL
);
