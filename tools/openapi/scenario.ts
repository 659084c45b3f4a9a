// The README's walk-through, written against a client generated from the service's OpenAPI
// document (openapi-typescript + openapi-fetch). It must compile under tsc --strict with no casts,
// no non-null assertions and no hand-set request headers beyond the API key, and run against a
// service with the demo data: OpenApiToolingTests does both (DEALPIPELINE_URL names the service).
import createClient from "openapi-fetch";
import type { paths } from "./generated/api.js";

const baseUrl = process.env.DEALPIPELINE_URL ?? "http://localhost:5080";
const clientFor = (key: string) => createClient<paths>({ baseUrl, headers: { "X-Api-Key": key } });
const officer = clientFor("dp_demo_officer_key");
const analyst = clientFor("dp_demo_analyst_key");
const manager = clientFor("dp_demo_manager_key");
const admin = clientFor("dp_demo_admin_key");

function check(condition: boolean, what: string): asserts condition {
  if (!condition) {
    throw new Error(`scenario: ${what}`);
  }
}

function must<T>(answer: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (answer.data === undefined) {
    throw new Error(`scenario: ${what} answered ${answer.response.status}: ${JSON.stringify(answer.error)}`);
  }
  return answer.data;
}

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // China Standard Time
const suffix = Date.now().toString(36);

// a company, and a deal for it in park 1 and sector 2: the officer's own
const company = must(
  await officer.POST("/api/v1/companies", { body: { name: `福建示例生物科技有限公司 ${suffix}`, country: "CN", city: "福州" } }),
  "creating a company",
);
const created = must(
  await officer.POST("/api/v1/deals", {
    body: { name: "合成生物制造基地", companyId: company.id, parkId: 1, sectorId: 2, intendedInvestment: 1200000000.0, isKeyProject: true, source: "event" },
  }),
  "creating a deal",
);
check(created.stage === "contact" && created.version === 1, "a new deal is at contact, version 1");
const id = created.id;

// move it: negotiation (guarded by its version), then signed with the contracted amount
const negotiating = must(
  await officer.POST("/api/v1/deals/{id}/transitions", {
    params: { path: { id }, header: { "If-Match": `"${created.version}"` } },
    body: { to: "negotiation" },
  }),
  "moving to negotiation",
);
const stale = await officer.POST("/api/v1/deals/{id}/transitions", {
  params: { path: { id }, header: { "If-Match": `"${created.version}"` } },
  body: { to: "letters" },
});
check(stale.response.status === 412 && stale.error?.code === "preconditionFailed", "a stale If-Match is a 412 with its code");
must(
  await officer.POST("/api/v1/deals/{id}/transitions", {
    params: { path: { id }, header: { "If-Match": `"${negotiating.version}"` } },
    body: { to: "signed", contractedInvestment: 1150000000.0 },
  }),
  "signing",
);

// correct a field with a JSON merge patch
const corrected = must(await officer.PATCH("/api/v1/deals/{id}", { params: { path: { id } }, body: { expectedJobs: 300 } }), "correcting");
check(corrected.expectedJobs === 300 && corrected.stage === "signed", "the patch changed expectedJobs only");

// its history, and the pipeline report in CNY by stage, in English
const history = must(await officer.GET("/api/v1/deals/{id}/history", { params: { path: { id } } }), "reading the history");
check(history.items.length === 3, "three history rows: opened, negotiation, signed");
const pipeline = must(
  await manager.GET("/api/v1/reports/pipeline", { params: { query: { groupBy: "stage", status: "any" }, header: { "Accept-Language": "en" } } }),
  "the pipeline report",
);
check(pipeline.rows.some((row) => row.key === "signed" && row.label === "Signed"), "the report labels its rows in English");

// what changed since a BI tool's last pull, deleted deals included as tombstones
const changed = must(
  await analyst.GET("/api/v1/deals", { params: { query: { updatedSince: "2020-01-01T00:00:00Z", includeDeleted: true, limit: 500 } } }),
  "the incremental pull",
);
let names = 0;
for (const item of changed.items) {
  if ("deleted" in item) {
    check(item.deleted, "a tombstone says so");
  } else {
    names += item.name.length > 0 ? 1 : 0;
  }
}
check(names > 0, "the pull lists deals with their names");

// engagement: a site visit, a letter of intent, an event's yield, deals gone quiet
must(
  await officer.POST("/api/v1/deals/{id}/activities", {
    params: { path: { id } },
    body: { type: "siteVisit", on: today, summary: "企业来园区实地考察", nextStep: "报送厂房方案" },
  }),
  "logging a site visit",
);
must(
  await officer.POST("/api/v1/letters", { body: { type: "intent", signedOn: today, counterparty: company.name, dealId: id } }),
  "recording a letter of intent",
);
const forums = must(await analyst.GET("/api/v1/events", { params: { query: { type: "forum" } } }), "listing forums");
const forum = forums.items[0];
check(forum !== undefined, "the demo data has a forum");
must(await analyst.GET("/api/v1/events/{id}/report", { params: { path: { id: forum.id }, query: { plannedWithinYears: 2 } } }), "an event's report");
must(await manager.GET("/api/v1/reports/stale", { params: { query: { days: 60, limit: 10 } } }), "the stale report");

// the change feed, and a report polled with its ETag: 304 while nothing was written
const feed = must(await analyst.GET("/api/v1/changes", { params: { query: { after: 0, limit: 500 } } }), "the change feed");
check(feed.items.length > 0, "the feed lists the writes above");
const first = await analyst.GET("/api/v1/reports/pipeline", { params: { query: { groupBy: "stage" } } });
const etag = first.response.headers.get("ETag");
check(etag !== null, "a report carries an ETag");
const again = await analyst.GET("/api/v1/reports/pipeline", { params: { query: { groupBy: "stage" }, header: { "If-None-Match": etag } } });
check(again.response.status === 304, "an unchanged report is a 304");

// who did what (admins)
const audit = must(await admin.GET("/api/v1/audit", { params: { query: { entity: "deal", id: String(id) } } }), "the audit log");
check(audit.items.length >= 4, "the audit log lists the deal's writes");

console.log(`scenario passed: deal ${id}`);
