-- Webhooks: subscriptions, an outbox of events written in the same transaction as the change they
-- announce (keyed to the change feed's sequence), a delivery per subscription and event, and
-- every attempt of a delivery. Deliveries to one subscription keep the order of their
-- ordering_key (a deal, or an event): one is not sent before the earlier ones are settled.
CREATE TABLE webhooks (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    url                   TEXT    NOT NULL,
    events                TEXT    NOT NULL,
    description           TEXT    NULL,
    paused                INTEGER NOT NULL DEFAULT 0,
    secret                TEXT    NOT NULL,
    previous_secret       TEXT    NULL,
    previous_secret_until TEXT    NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    created_at            TEXT    NOT NULL,
    deleted_at            TEXT    NULL
);

CREATE TABLE webhook_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    change_sequence INTEGER NOT NULL UNIQUE,
    type            TEXT    NOT NULL,
    ordering_key    TEXT    NOT NULL,
    deal_id         INTEGER NULL,
    payload         TEXT    NOT NULL,
    created_at      TEXT    NOT NULL
);

CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id       INTEGER NOT NULL REFERENCES webhooks (id),
    event_id         INTEGER NOT NULL REFERENCES webhook_events (id),
    ordering_key     TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    give_up_at       TEXT    NOT NULL,
    lease_owner      TEXT    NULL,
    lease_until      TEXT    NULL,
    last_status_code INTEGER NULL,
    last_error       TEXT    NULL,
    created_at       TEXT    NOT NULL,
    completed_at     TEXT    NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_order ON webhook_deliveries (webhook_id, ordering_key, status, id);

CREATE TABLE webhook_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id),
    at          TEXT    NOT NULL,
    duration_ms INTEGER NOT NULL,
    status_code INTEGER NULL,
    error       TEXT    NULL,
    succeeded   INTEGER NOT NULL
);
CREATE INDEX ix_webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
