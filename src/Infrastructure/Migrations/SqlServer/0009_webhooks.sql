-- Webhooks: subscriptions, an outbox of events written in the same transaction as the change they
-- announce (keyed to the change feed's row), a delivery per subscription and event, and every
-- attempt of a delivery. Deliveries to one subscription keep the order of their ordering_key
-- (a deal, or an event): one is not sent before the earlier ones are settled.
CREATE TABLE webhooks (
    id                    BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_webhooks PRIMARY KEY,
    url                   NVARCHAR(2000) NOT NULL,
    events                NVARCHAR(1000) NOT NULL,
    description           NVARCHAR(500)  NULL,
    paused                BIT            NOT NULL CONSTRAINT df_webhooks_paused DEFAULT 0,
    secret                NVARCHAR(100)  NOT NULL,
    previous_secret       NVARCHAR(100)  NULL,
    previous_secret_until DATETIME2      NULL,
    version               INT            NOT NULL CONSTRAINT df_webhooks_version DEFAULT 1,
    created_at            DATETIME2      NOT NULL,
    deleted_at            DATETIME2      NULL
);

CREATE TABLE webhook_events (
    id              BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_webhook_events PRIMARY KEY,
    change_sequence BIGINT         NOT NULL CONSTRAINT uq_webhook_events_change UNIQUE,
    type            NVARCHAR(50)   NOT NULL,
    ordering_key    NVARCHAR(50)   NOT NULL,
    deal_id         BIGINT         NULL,
    payload         NVARCHAR(MAX)  NOT NULL,
    created_at      DATETIME2      NOT NULL
);

CREATE TABLE webhook_deliveries (
    id               BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_webhook_deliveries PRIMARY KEY,
    webhook_id       BIGINT         NOT NULL CONSTRAINT fk_webhook_deliveries_webhook REFERENCES webhooks (id),
    event_id         BIGINT         NOT NULL CONSTRAINT fk_webhook_deliveries_event REFERENCES webhook_events (id),
    ordering_key     NVARCHAR(50)   NOT NULL,
    status           NVARCHAR(20)   NOT NULL,
    attempts         INT            NOT NULL CONSTRAINT df_webhook_deliveries_attempts DEFAULT 0,
    next_attempt_at  DATETIME2      NOT NULL,
    give_up_at       DATETIME2      NOT NULL,
    lease_owner      NVARCHAR(50)   NULL,
    lease_until      DATETIME2      NULL,
    last_status_code INT            NULL,
    last_error       NVARCHAR(500)  NULL,
    created_at       DATETIME2      NOT NULL,
    completed_at     DATETIME2      NULL,
    CONSTRAINT uq_webhook_deliveries UNIQUE (webhook_id, event_id)
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_order ON webhook_deliveries (webhook_id, ordering_key, status, id);

CREATE TABLE webhook_attempts (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_webhook_attempts PRIMARY KEY,
    delivery_id BIGINT         NOT NULL CONSTRAINT fk_webhook_attempts_delivery REFERENCES webhook_deliveries (id),
    at          DATETIME2      NOT NULL,
    duration_ms INT            NOT NULL,
    status_code INT            NULL,
    error       NVARCHAR(500)  NULL,
    succeeded   BIT            NOT NULL
);
CREATE INDEX ix_webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
