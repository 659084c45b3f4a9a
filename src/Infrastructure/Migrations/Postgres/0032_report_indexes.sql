-- The signed and landed figures (GET /reports/performance, the series, the rankings) read the deals signed or landed in a
-- period through these indexes: with the columns those figures sum and filter on in the index, a year's signings are read
-- from the index alone instead of one table row a deal (measured at 100,000 deals on SQLite: 30 ms to a few; docs/benchmarks.md).
-- Only signed (landed) deals are in each index, and a deal's entry changes only when one of these columns does.
DROP INDEX ix_deals_signed;
DROP INDEX ix_deals_landed;
CREATE INDEX ix_deals_signed ON deals (signed_on) INCLUDE (status, currency, company_id, intended_minor, contracted_minor, park_id, sector_id, owner_id, team_id, source, is_key_project) WHERE signed_on IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX ix_deals_landed ON deals (landed_on) INCLUDE (status, currency, company_id, intended_minor, contracted_minor, park_id, sector_id, owner_id, team_id, source, is_key_project) WHERE landed_on IS NOT NULL AND deleted_at IS NULL;

-- A report of a past day reads the deals revised since that day (their revision in force today began after it) through
-- this index, as the history's in-force index gives the deals whose stage or status changed since (DealState.AsOfDeals).
CREATE INDEX ix_deal_revisions_current ON deal_revisions (valid_until, on_date) INCLUDE (deal_id);
