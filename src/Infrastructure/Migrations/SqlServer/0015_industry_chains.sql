-- Industry chains (产业链) for chain-based promotion (以链招商): a chain's links (环节), upstream,
-- midstream or downstream and nestable, the sectors a link covers, the parks that run the chain, its
-- chain-leader companies (链主), and the companies and deals attached to its links. Positions are
-- stored by name. A link's parent is in the same chain and never the link itself or one of its own
-- sub-links (the service checks both).
CREATE TABLE chains (
    id           BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_chains PRIMARY KEY,
    name         NVARCHAR(200)  NOT NULL,
    description  NVARCHAR(1000) NULL,
    version      INTEGER NOT NULL CONSTRAINT df_chains_version DEFAULT 1,
    created_at   DATETIME2 NOT NULL
);
CREATE UNIQUE INDEX ux_chains_name ON chains (name);

CREATE TABLE chain_parks (
    chain_id  BIGINT  NOT NULL CONSTRAINT fk_chain_parks_chain REFERENCES chains (id),
    park_id   BIGINT  NOT NULL CONSTRAINT fk_chain_parks_park REFERENCES parks (id),
    CONSTRAINT pk_chain_parks PRIMARY KEY (chain_id, park_id)
);

CREATE TABLE chain_leaders (
    chain_id    BIGINT  NOT NULL CONSTRAINT fk_chain_leaders_chain REFERENCES chains (id),
    company_id  BIGINT  NOT NULL CONSTRAINT fk_chain_leaders_company REFERENCES companies (id),
    CONSTRAINT pk_chain_leaders PRIMARY KEY (chain_id, company_id)
);

CREATE TABLE chain_links (
    id          BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_chain_links PRIMARY KEY,
    chain_id    BIGINT  NOT NULL CONSTRAINT fk_chain_links_chain REFERENCES chains (id),
    parent_id   BIGINT  NULL CONSTRAINT fk_chain_links_parent REFERENCES chain_links (id),
    name        NVARCHAR(200) NOT NULL,
    position    VARCHAR(10)  NOT NULL CONSTRAINT ck_chain_links_position CHECK (position IN ('upstream', 'midstream', 'downstream')),
    version     INTEGER NOT NULL CONSTRAINT df_chain_links_version DEFAULT 1,
    created_at  DATETIME2 NOT NULL
);
CREATE UNIQUE INDEX ux_chain_links_name ON chain_links (chain_id, name);

CREATE TABLE chain_link_sectors (
    link_id    BIGINT  NOT NULL CONSTRAINT fk_chain_link_sectors_link REFERENCES chain_links (id),
    sector_id  BIGINT  NOT NULL CONSTRAINT fk_chain_link_sectors_sector REFERENCES sectors (id),
    CONSTRAINT pk_chain_link_sectors PRIMARY KEY (link_id, sector_id)
);

CREATE TABLE chain_link_companies (
    link_id     BIGINT  NOT NULL CONSTRAINT fk_chain_link_companies_link REFERENCES chain_links (id),
    company_id  BIGINT  NOT NULL CONSTRAINT fk_chain_link_companies_company REFERENCES companies (id),
    CONSTRAINT pk_chain_link_companies PRIMARY KEY (link_id, company_id)
);
CREATE INDEX ix_chain_link_companies_company ON chain_link_companies (company_id, link_id);

CREATE TABLE chain_link_deals (
    link_id  BIGINT  NOT NULL CONSTRAINT fk_chain_link_deals_link REFERENCES chain_links (id),
    deal_id  BIGINT  NOT NULL CONSTRAINT fk_chain_link_deals_deal REFERENCES deals (id),
    CONSTRAINT pk_chain_link_deals PRIMARY KEY (link_id, deal_id)
);
CREATE INDEX ix_chain_link_deals_deal ON chain_link_deals (deal_id, link_id);
