-- The change feed: one row per committed write, numbered in commit order. SQLite has one writer
-- at a time (BEGIN IMMEDIATE), so the sequence assigned inside a write transaction is its commit
-- order; AUTOINCREMENT never reuses a number. deal_id names the deal a change belongs to (the
-- deal itself, or its activity or letter), so that readers see only the changes of deals they
-- may see.
CREATE TABLE changes (
    sequence    INTEGER PRIMARY KEY AUTOINCREMENT,
    entity      TEXT    NOT NULL,
    entity_id   TEXT    NULL,
    kind        TEXT    NOT NULL,
    version     INTEGER NULL,
    deal_id     INTEGER NULL,
    by_user_id  INTEGER NULL,
    actor       TEXT    NOT NULL,
    at          TEXT    NOT NULL
);
