-- The change feed: one row per committed write. Identity values are handed out at insert time,
-- and concurrent transactions can commit out of that order, so the feed's order is a rowversion
-- instead: a reader takes only rows below MIN_ACTIVE_ROWVERSION(), which no open transaction can
-- still add beneath (see SqlServerDialect.CommittedChange). deal_id names the deal a change
-- belongs to, so that readers see only the changes of deals they may see.
CREATE TABLE changes (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_changes PRIMARY KEY NONCLUSTERED,
    row_version ROWVERSION     NOT NULL,
    entity      NVARCHAR(50)   NOT NULL,
    entity_id   NVARCHAR(100)  NULL,
    kind        NVARCHAR(50)   NOT NULL,
    version     INT            NULL,
    deal_id     BIGINT         NULL,
    by_user_id  BIGINT         NULL,
    actor       NVARCHAR(100)  NOT NULL,
    at          DATETIME2      NOT NULL
);
CREATE UNIQUE CLUSTERED INDEX ix_changes_row_version ON changes (row_version);
