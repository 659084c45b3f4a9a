-- Industry chains (产业链) for chain-based promotion (以链招商): a chain's links (环节), upstream,
-- midstream or downstream and nestable, the sectors a link covers, the parks that run the chain, its
-- chain-leader companies (链主), and the companies and deals attached to its links. Positions are
-- stored by name. A link's parent is in the same chain and never the link itself or one of its own
-- sub-links (the service checks both).
CREATE TABLE chains (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    description  TEXT    NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_chains_name ON chains (name);

CREATE TABLE chain_parks (
    chain_id  INTEGER NOT NULL REFERENCES chains (id),
    park_id   INTEGER NOT NULL REFERENCES parks (id),
    PRIMARY KEY (chain_id, park_id)
);

CREATE TABLE chain_leaders (
    chain_id    INTEGER NOT NULL REFERENCES chains (id),
    company_id  INTEGER NOT NULL REFERENCES companies (id),
    PRIMARY KEY (chain_id, company_id)
);

CREATE TABLE chain_links (
    id          INTEGER PRIMARY KEY,
    chain_id    INTEGER NOT NULL REFERENCES chains (id),
    parent_id   INTEGER NULL REFERENCES chain_links (id),
    name        TEXT    NOT NULL,
    position    TEXT    NOT NULL CHECK (position IN ('upstream', 'midstream', 'downstream')),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_chain_links_name ON chain_links (chain_id, name);

CREATE TABLE chain_link_sectors (
    link_id    INTEGER NOT NULL REFERENCES chain_links (id),
    sector_id  INTEGER NOT NULL REFERENCES sectors (id),
    PRIMARY KEY (link_id, sector_id)
);

CREATE TABLE chain_link_companies (
    link_id     INTEGER NOT NULL REFERENCES chain_links (id),
    company_id  INTEGER NOT NULL REFERENCES companies (id),
    PRIMARY KEY (link_id, company_id)
);
CREATE INDEX ix_chain_link_companies_company ON chain_link_companies (company_id, link_id);

CREATE TABLE chain_link_deals (
    link_id  INTEGER NOT NULL REFERENCES chain_links (id),
    deal_id  INTEGER NOT NULL REFERENCES deals (id),
    PRIMARY KEY (link_id, deal_id)
);
CREATE INDEX ix_chain_link_deals_deal ON chain_link_deals (deal_id, link_id);
