namespace DealPipeline.Api.Tests;

public abstract partial class AccessControlTests : ApiTest
{
    private sealed record Caller(string Role, long Id, HttpClient Client);

    private async Task<Dictionary<string, Caller>> Callers(World world)
    {
        var callers = new Dictionary<string, Caller>();
        foreach (var role in new[] { "admin", "manager", "officer", "analyst" })
        {
            var (id, key) = await UserWithKey($"{role}-user", role, role == "officer" ? world.Team : null);
            callers[role] = new Caller(role, id, Factory.ClientWithKey(key));
        }

        return callers;
    }

    /// <summary>
    /// Every cell of the role × endpoint matrix in docs/access-control.md: each role calls each
    /// endpoint with a request that would succeed, and gets either that success or a 403.
    /// </summary>
    private static readonly object[] OneBand = [new { from = 0m, ratePermille = 3m }];

    private static readonly string[] ContractOnly = ["contract"];

    [DbFact]
    public async Task Every_role_gets_exactly_the_endpoints_of_the_matrix()
    {
        var world = await CreateWorld();
        var callers = await Callers(world);
        await SetRate("USD", 7.1m, DaysAgo(10));
        var officer = callers["officer"].Id;
        var n = 0;

        async Task<long> Webhook() => Id(await PostOk("/api/v1/webhooks", new { url = $"https://93.184.215.14/hook{++n}", events = WebhookTests.Created }));
        var otherPark = await Park("中山健康科技产业基地", "中山");
        var referrer = Id(await PostOk("/api/v1/referrers", new { kind = "organisation", name = "行业协会", registeredOn = DaysAgo(1) }));
        var scheme = Id(await PostOk("/api/v1/reward-schemes", new { name = "引荐奖励", method = "marginal", bands = OneBand }));
        var referred = Id(await Deal(world, new { ownerId = officer }, "引荐项目"));
        await PostOk($"/api/v1/deals/{referred}/referral", new { referrerId = referrer, schemeId = scheme, confirmedOn = Today, confirmation = "确认书" });

        // A claim held by the officer's team, which the officer (its member) keeps.
        async Task<long> OfficersClaim() =>
            Id(await PostOk("/api/v1/claims", new { companyId = await Company($"认领企业{++n}"), teamId = world.Team, firstReportedOn = Today, evidence = "首报" }));
        // A lead the officer has (with what a deal needs), and one in the shared pool.
        async Task<long> OfficersLead() => Id(await PostOk("/api/v1/leads", new
        {
            companyId = world.Company, title = $"线索{++n}", source = "form", ownerId = officer, parkId = world.Park, sectorId = world.Drugs, intendedInvestment = 1_000_000m,
        }));
        async Task<long> PoolLead() => Id(await PostOk("/api/v1/leads", new { companyId = world.Company, title = $"线索{++n}", source = "call" }));
        var leadRule = Id(await PostOk("/api/v1/lead-rules", new { name = "读用规则", priority = 9_000, regionCode = "650000", teamId = world.Team }));
        static async Task<HttpResponseMessage> Upload(HttpClient client, string csv) =>
            await client.PostAsync("/api/v1/imports?kind=companies", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        var dryRun = Id(await Json(await Upload(Client, "企业名称\n读取企业\n")));
        async Task<long> OfficersDeal(object? extra = null) => Id(await Deal(world, extra ?? new { ownerId = officer }, $"deal{++n}"));
        var forum = Id(await PostOk("/api/v1/events", new { name = "论坛", type = "forum", startsOn = Today, endsOn = Today, city = "博鳌" }));
        var letter = Id(await PostOk("/api/v1/letters", new { type = "expertAppointment", signedOn = Today, counterparty = "张教授" }));
        var hook = Id(await PostOk("/api/v1/webhooks", new { url = "https://93.184.215.14/watched", events = WebhookTests.Created }));
        await OfficersDeal();
        var delivery = Id((await GetOk($"/api/v1/webhooks/{hook}/deliveries"))["items"]![0]!);
        var officersKey = Id(await PostOk($"/api/v1/users/{world.Officer}/keys", new { }));
        var chain = Id(await PostOk("/api/v1/chains", new { name = "生物医药" }));
        async Task<long> Link() => Id(await PostOk($"/api/v1/chains/{chain}/links", new { name = $"环节{++n}", position = "midstream" }));
        var link = await Link();
        await Send(HttpMethod.Put, $"/api/v1/calendar/{DateTime.UtcNow.Year}", new { holidays = Array.Empty<string>() });
        async Task<long> BoardGroup() => Id(await PostOk("/api/v1/board-groups", new { name = $"榜单分组{++n}", unit = "park", memberIds = new[] { await Park($"榜单园区{n}") } }));
        async Task<long> Rule() => Id(await PostOk("/api/v1/deadline-rules", new { name = $"规则{++n}", minIntendedInvestment = 1000m * ++n, answerWithin = new { count = 1, unit = "days" } }));
        var rule = await Rule();
        var criteria = new object[] { new { key = "fit", name = "产业匹配度", weight = 60 }, new { key = "tech", name = "技术水平", weight = 40 } };
        var bands = new object[] { new { key = "A", name = "优先引进", minScore = 80 }, new { key = "D", name = "暂不引进", minScore = 0 } };
        var criteriaSet = Id(await PostOk("/api/v1/criteria-sets", new { name = "评价指标", criteria, bands }));

        // (endpoint, the roles allowed, the success status, the request as a function of the caller)
        var matrix = new List<(string Name, string[] Allowed, HttpStatusCode Success, Func<Caller, Task<HttpResponseMessage>> Call)>
        {
            ("POST /parks", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/parks", new { name = $"园区{++n}", city = "北京" })),
            ("GET /parks", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/parks")),
            ("POST /sectors", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/sectors", new { name = $"行业{++n}" })),
            ("GET /sectors", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/sectors")),
            ("POST /teams", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/teams", new { name = $"专班{++n}" })),
            ("GET /teams", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/teams")),
            ("POST /users", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/users", new { name = $"用户{++n}", role = "officer" })),
            ("GET /users", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/users")),
            ("GET /users/me", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/users/me")),
            ("POST /users/{own id}/keys", ["admin", "manager", "officer", "analyst"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, $"/api/v1/users/{c.Id}/keys")),
            ("POST /users/{other id}/keys", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, $"/api/v1/users/{world.Officer}/keys")),
            ("GET /users/{own id}/keys", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/users/{c.Id}/keys")),
            ("GET /users/{other id}/keys", ["admin"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/users/{world.Officer}/keys")),
            ("GET /users/{own id}/keys/{key}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c =>
                await c.Client.GetAsync($"/api/v1/users/{c.Id}/keys/{Id((await GetOk($"/api/v1/users/{c.Id}/keys"))["items"]![0]!)}")),
            ("GET /users/{other id}/keys/{key}", ["admin"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/users/{world.Officer}/keys/{officersKey}")),
            ("DELETE /users/{own id}/keys/{key}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.NoContent, async c =>
            {
                var spare = Id(await PostOk($"/api/v1/users/{c.Id}/keys", new { }));
                return await Send(c.Client, HttpMethod.Delete, $"/api/v1/users/{c.Id}/keys/{spare}");
            }),
            ("DELETE /users/{other id}/keys/{key}", ["admin"], HttpStatusCode.NoContent, async c =>
            {
                var spare = Id(await PostOk($"/api/v1/users/{world.Officer}/keys", new { }));
                return await Send(c.Client, HttpMethod.Delete, $"/api/v1/users/{world.Officer}/keys/{spare}");
            }),
            ("POST /companies", ["admin", "manager", "officer"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/companies", new { name = $"企业{++n}", country = "CN" })),
            ("GET /companies", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/companies")),
            ("GET /companies/duplicates", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/companies/duplicates?name=x")),
            ("POST /companies/{id}/merge", ["admin", "manager"], HttpStatusCode.OK, async c =>
                await Send(c.Client, HttpMethod.Post, $"/api/v1/companies/{await Company($"重复企业{++n}")}/merge", new { survivorId = world.Company, reason = "重复录入" })),
            ("POST /claims", ["admin", "manager", "officer"], HttpStatusCode.Created, async c =>
                await Send(c.Client, HttpMethod.Post, "/api/v1/claims", new { companyId = await Company($"认领企业{++n}"), parkId = world.Park, firstReportedOn = Today, evidence = "首报" })),
            ("GET /claims", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/claims")),
            ("GET /claims/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/claims/{await OfficersClaim()}")),
            ("POST /claims/{id}/renew", ["admin", "manager", "officer"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/claims/{await OfficersClaim()}/renew")),
            ("POST /claims/{id}/release", ["admin", "manager", "officer"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/claims/{await OfficersClaim()}/release", new { reason = "放弃" })),
            ("POST /claims/{id}/transfer", ["admin", "manager"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/claims/{await OfficersClaim()}/transfer", new { parkId = otherPark, reason = "统筹" })),
            ("POST /leads", ["admin", "manager", "officer"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/leads", new { companyId = world.Company, title = $"线索{++n}", source = "form" })),
            ("GET /leads", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/leads")),
            ("GET /leads/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/leads/{await PoolLead()}")),
            ("POST /leads/{id}/take", ["admin", "manager", "officer"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/leads/{await PoolLead()}/take")),
            ("POST /leads/{id}/assign", ["admin", "manager"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/leads/{await PoolLead()}/assign", new { ownerId = officer, reason = "分派" })),
            ("POST /leads/{id}/contacts", ["admin", "manager", "officer"], HttpStatusCode.OK, async c =>
                await Send(c.Client, HttpMethod.Post, $"/api/v1/leads/{await OfficersLead()}/contacts", new { type = "call", on = Today, summary = "电话" })),
            ("POST /leads/{id}/drop", ["admin", "manager", "officer"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/leads/{await OfficersLead()}/drop", new { reason = "无意向" })),
            ("POST /leads/{id}/convert", ["admin", "manager", "officer"], HttpStatusCode.Created, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/leads/{await OfficersLead()}/convert", new { })),
            ("POST /leads/sweep", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Post, "/api/v1/leads/sweep")),
            ("POST /lead-rules", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/lead-rules", new { name = $"分派{++n}", priority = 9_500, regionCode = "540000" })),
            ("GET /lead-rules", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/lead-rules")),
            ("GET /lead-rules/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/lead-rules/{leadRule}")),
            ("DELETE /lead-rules/{id}", ["admin"], HttpStatusCode.NoContent, async c =>
                await Send(c.Client, HttpMethod.Delete, $"/api/v1/lead-rules/{Id(await PostOk("/api/v1/lead-rules", new { name = $"删{++n}", priority = 9_900, regionCode = "460000" }))}")),
            ("GET /reports/leads", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/reports/leads?year={DateTime.UtcNow.Year}")),
            ("POST /imports", ["admin", "manager", "officer"], HttpStatusCode.Created, c => Upload(c.Client, $"企业名称\n导入企业{++n}\n")),
            ("GET /imports/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/imports/{dryRun}")),
            ("POST /imports/{id}/commit", ["admin", "manager", "officer"], HttpStatusCode.OK, async c =>
                await Send(c.Client, HttpMethod.Post, $"/api/v1/imports/{Id(await Json(await Upload(Client, $"企业名称\n提交企业{++n}\n")))}/commit")),
            ("GET /imports/{id}/refusals.xlsx", ["admin", "manager", "officer"], HttpStatusCode.OK, async c =>
            {
                // Their own upload, or (for those who may not upload) the admin's.
                var upload = await Upload(c.Role is "admin" or "manager" or "officer" ? c.Client : Client, $"企业名称\n拒绝企业{++n}\n");
                return await c.Client.GetAsync($"/api/v1/imports/{Id(await Json(upload))}/refusals.xlsx");
            }),
            ("GET /imports/templates/{kind}.xlsx", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/imports/templates/companies.xlsx")),
            ("POST /referrers", ["admin", "manager", "officer"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/referrers", new { kind = "person", name = $"引荐人{++n}" })),
            ("GET /referrers", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/referrers")),
            ("GET /referrers/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/referrers/{referrer}")),
            ("POST /reward-schemes", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/reward-schemes", new { name = $"方案{++n}", method = "tiered", bands = OneBand })),
            ("GET /reward-schemes", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reward-schemes")),
            ("GET /reward-schemes/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/reward-schemes/{scheme}")),
            ("POST /deals/{id}/referral", ["admin", "manager", "officer"], HttpStatusCode.Created, async c =>
                await Send(c.Client, HttpMethod.Post, $"/api/v1/deals/{await OfficersDeal()}/referral", new { referrerId = referrer, schemeId = scheme, confirmedOn = Today, confirmation = "确认书" })),
            ("GET /deals/{id}/referral", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/deals/{referred}/referral")),
            ("GET /reports/referrals", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/referrals")),
            ("PUT /fx-rates/{currency}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Put, "/api/v1/fx-rates/EUR", new { rate = 7.7m, effectiveOn = DaysAgo(3) })),
            ("GET /fx-rates", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/fx-rates")),
            ("GET /changes", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/changes?after=0")),
            ("GET /history", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/history")),
            // The service backs up only its embedded SQLite database; on a server database an admin is told to use the server's tools.
            ("POST /admin/backup", ["admin"], Provider == DatabaseProvider.Sqlite ? HttpStatusCode.OK : HttpStatusCode.Conflict, c => Send(c.Client, HttpMethod.Post, "/api/v1/admin/backup")),
            ("POST /webhooks", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/webhooks", new { url = "https://93.184.215.14/hook", events = WebhookTests.Created })),
            ("GET /webhooks", ["admin"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/webhooks")),
            ("GET /webhooks/{id}", ["admin"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/webhooks/{hook}")),
            ("PATCH /webhooks/{id}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, $"/api/v1/webhooks/{hook}", new { description = $"巡检{++n}" }, "application/merge-patch+json")),
            ("POST /webhooks/{id}/deliveries/{deliveryId}/redeliver", ["admin"], HttpStatusCode.Accepted, c => Send(c.Client, HttpMethod.Post, $"/api/v1/webhooks/{hook}/deliveries/{delivery}/redeliver")),
            ("GET /webhooks/{id}/deliveries", ["admin"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/webhooks/{await Webhook()}/deliveries")),
            ("POST /webhooks/{id}/rotate-secret", ["admin"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/webhooks/{await Webhook()}/rotate-secret")),
            ("DELETE /webhooks/{id}", ["admin"], HttpStatusCode.NoContent, async c => await Send(c.Client, HttpMethod.Delete, $"/api/v1/webhooks/{await Webhook()}")),
            ("GET /activities", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/activities")),
            ("GET /parks/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/parks/{world.Park}")),
            ("PATCH /parks/{id}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, $"/api/v1/parks/{world.Park}", new { city = $"杭州{++n}" })),
            ("GET /sectors/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/sectors/{world.Drugs}")),
            ("PATCH /sectors/{id}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, $"/api/v1/sectors/{world.Drugs}", new { name = $"创新药{++n}" })),
            ("GET /teams/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/teams/{world.Team}")),
            ("PATCH /teams/{id}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, $"/api/v1/teams/{world.Team}", new { name = $"专班{++n}" })),
            ("GET /users/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/users/{world.Officer}")),
            ("PATCH /users/{id}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, $"/api/v1/users/{world.Officer}", new { name = $"王磊{++n}" })),
            ("GET /companies/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/companies/{world.Company}")),
            ("PATCH /companies/{id}", ["admin", "manager", "officer"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, $"/api/v1/companies/{world.Company}", new { city = $"城市{++n}" })),
            ("POST /deals", ["admin", "manager", "officer"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/deals", new { name = "新项目", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, ownerId = officer, intendedInvestment = 1 })),
            ("GET /deals", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/deals")),
            ("GET /deals/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}")),
            ("PATCH /deals/{id}", ["admin", "manager", "officer"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Patch, $"/api/v1/deals/{await OfficersDeal()}", new { expectedJobs = 10 })),
            ("POST /deals/{id}/transitions", ["admin", "manager", "officer"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/deals/{await OfficersDeal()}/transitions", new { to = "negotiation" })),
            ("POST /deals/{id}/status", ["admin", "manager", "officer"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/deals/{await OfficersDeal()}/status", new { status = "onHold" })),
            ("POST /deals/{id}/milestones", ["admin", "manager", "officer"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/deals/{await OfficersDeal(new { ownerId = officer, stage = "landed" })}/milestones", new { kind = "constructionStarted", on = Today })),
            ("GET /deals/{id}/history", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}/history")),
            ("DELETE /deals/{id}", ["admin"], HttpStatusCode.NoContent, async c => await Send(c.Client, HttpMethod.Delete, $"/api/v1/deals/{await OfficersDeal()}")),
            ("GET /reports/pipeline", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/pipeline?groupBy=owner")),
            ("GET /reports/stale", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/stale?days=1")),
            ("GET /reports/performance", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/performance?year=2026")),
            ("GET /reports/performance/series", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/performance/series?year=2026&interval=quarter")),
            ("GET /reports/funnel", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/funnel?year=2026")),
            ("GET /export/deals.csv", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/export/deals.csv")),
            ("GET /export/deals.xlsx", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/export/deals.xlsx")),
            ("GET /export/history.xlsx", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/export/history.xlsx")),
            ("GET /export/activities.csv", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/export/activities.csv")),
            ("GET /export/activities.xlsx", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/export/activities.xlsx")),
            ("GET /export/history.csv", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/export/history.csv")),
            ("GET /export/letters.csv", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/export/letters.csv")),
            ("GET /export/letters.xlsx", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/export/letters.xlsx")),
            ("GET /export/events.csv", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/export/events.csv")),
            ("GET /export/events.xlsx", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/export/events.xlsx")),
            ("PUT /targets/{year}", ["admin", "manager"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Put, "/api/v1/targets/2026", new { signedCount = ++n })),
            ("GET /targets/{year}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/targets/2026")),
            ("POST /deals/{id}/activities", ["admin", "manager", "officer"], HttpStatusCode.Created, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/deals/{await OfficersDeal()}/activities", new { type = "call", on = Today, summary = "电话" })),
            ("GET /deals/{id}/revisions", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}/revisions")),
            ("GET /deals/{id}/activities", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}/activities")),
            ("POST /deals/{id}/funds", ["admin", "manager", "officer"], HttpStatusCode.Created, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/deals/{await OfficersDeal(new { ownerId = officer, stage = "signed", openedOn = Today })}/funds", new { on = Today, amount = 1_000_000m })),
            ("GET /deals/{id}/funds", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}/funds")),
            ("POST /events", ["admin", "manager", "officer"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/events", new { name = $"推介会{++n}", type = "promotion", startsOn = Today, endsOn = Today, city = "济南" })),
            ("GET /events", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/events")),
            ("GET /events/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/events/{forum}")),
            ("PATCH /events/{id}", ["admin", "manager", "officer"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, $"/api/v1/events/{forum}", new { visitorsReceived = ++n })),
            ("GET /events/{id}/report", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/events/{forum}/report")),
            ("POST /letters", ["admin", "manager", "officer"], HttpStatusCode.Created, async c => await Send(c.Client, HttpMethod.Post, "/api/v1/letters", new { type = "intent", signedOn = Today, counterparty = "某企业", dealId = await OfficersDeal(), eventId = forum })),
            ("GET /letters", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/letters")),
            ("GET /letters/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/letters/{letter}")),
            ("GET /audit", ["admin"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/audit")),
            ("POST /chains", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/chains", new { name = $"产业链{++n}" })),
            ("GET /chains", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/chains")),
            ("GET /chains/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/chains/{chain}")),
            ("PATCH /chains/{id}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, $"/api/v1/chains/{chain}", new { description = $"说明{++n}" }, "application/merge-patch+json")),
            ("POST /chains/{id}/links", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, $"/api/v1/chains/{chain}/links", new { name = $"环节{++n}", position = "upstream" })),
            ("GET /chains/{id}/links/{linkId}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/chains/{chain}/links/{link}")),
            ("PATCH /chains/{id}/links/{linkId}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, $"/api/v1/chains/{chain}/links/{link}", new { name = $"环节{++n}" }, "application/merge-patch+json")),
            ("DELETE /chains/{id}/links/{linkId}", ["admin"], HttpStatusCode.NoContent, async c => await Send(c.Client, HttpMethod.Delete, $"/api/v1/chains/{chain}/links/{await Link()}")),
            ("PUT /chains/{id}/links/{linkId}/companies/{companyId}", ["admin", "manager", "officer"], HttpStatusCode.NoContent, c => Send(c.Client, HttpMethod.Put, $"/api/v1/chains/{chain}/links/{link}/companies/{world.Company}")),
            ("DELETE /chains/{id}/links/{linkId}/companies/{companyId}", ["admin", "manager", "officer"], HttpStatusCode.NoContent, c => Send(c.Client, HttpMethod.Delete, $"/api/v1/chains/{chain}/links/{link}/companies/{world.Company}")),
            ("PUT /chains/{id}/links/{linkId}/deals/{dealId}", ["admin", "manager", "officer"], HttpStatusCode.NoContent, async c => await Send(c.Client, HttpMethod.Put, $"/api/v1/chains/{chain}/links/{link}/deals/{await OfficersDeal()}")),
            ("DELETE /chains/{id}/links/{linkId}/deals/{dealId}", ["admin", "manager", "officer"], HttpStatusCode.NoContent, async c => await Send(c.Client, HttpMethod.Delete, $"/api/v1/chains/{chain}/links/{link}/deals/{await OfficersDeal()}")),
            ("PUT /calendar/{year}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Put, $"/api/v1/calendar/{DateTime.UtcNow.Year + 1}", new { holidays = Array.Empty<string>() })),
            ("GET /calendar/{year}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/calendar/{DateTime.UtcNow.Year}")),
            ("POST /deadline-rules", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/deadline-rules", new { name = $"规则{++n}", minIntendedInvestment = 1000m * ++n, reportEvery = new { count = 14, unit = "days" } })),
            ("GET /deadline-rules", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/deadline-rules")),
            ("GET /deadline-rules/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/deadline-rules/{rule}")),
            ("PATCH /deadline-rules/{id}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, $"/api/v1/deadline-rules/{rule}", new { name = $"规则{++n}" }, "application/merge-patch+json")),
            ("DELETE /deadline-rules/{id}", ["admin"], HttpStatusCode.NoContent, async c => await Send(c.Client, HttpMethod.Delete, $"/api/v1/deadline-rules/{await Rule()}")),
            ("GET /deals/{id}/deadlines", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}/deadlines")),
            ("POST /milestone-steps", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/milestone-steps", new { code = $"step{++n}", name = $"节点{n}", position = 1000 + n })),
            ("GET /milestone-steps", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/milestone-steps")),
            ("GET /milestone-steps/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/milestone-steps/1")),
            ("PATCH /milestone-steps/{id}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, "/api/v1/milestone-steps/1", new { nameEn = $"Land supplied {++n}" }, "application/merge-patch+json")),
            ("GET /deals/{id}/milestones", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}/milestones")),
            ("POST /deals/{id}/needs", ["admin", "manager", "officer"], HttpStatusCode.Created, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/deals/{await OfficersDeal()}/needs", new { kind = "land", quantity = 50m })),
            ("GET /deals/{id}/needs", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}/needs")),
            ("POST /deals/{id}/needs/{needId}/decision", ["admin", "manager"], HttpStatusCode.OK, async c =>
            {
                var deal = await OfficersDeal();
                var need = Id(await PostOk($"/api/v1/deals/{deal}/needs", new { kind = "energy", quantity = 10m }));
                return await Send(c.Client, HttpMethod.Post, $"/api/v1/deals/{deal}/needs/{need}/decision", new { decision = "approved" });
            }),
            ("POST /deals/{id}/attachments", ["admin", "manager", "officer"], HttpStatusCode.Created, async c =>
            {
                using var pdf = new ByteArrayContent([.. "%PDF-1.4\n%%EOF\n"u8]);
                pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                return await c.Client.PostAsync($"/api/v1/deals/{await OfficersDeal()}/attachments?kind=bankReceipt&fileName=receipt.pdf", pdf);
            }),
            ("GET /deals/{id}/attachments", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}/attachments")),
            ("GET /deals/{id}/attachments/{attachmentId}/content", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c =>
            {
                var deal = await OfficersDeal();
                using var pdf = new ByteArrayContent([.. "%PDF-1.4\n%%EOF\n"u8]);
                pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                var attachment = Id(await Json(await Client.PostAsync($"/api/v1/deals/{deal}/attachments?kind=contract&fileName=contract.pdf", pdf)));
                return await c.Client.GetAsync($"/api/v1/deals/{deal}/attachments/{attachment}/content");
            }),
            ("POST /counting-rules", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/counting-rules", new { name = $"口径{++n}", minInvestment = 0m, requires = ContractOnly, windowMonths = 12 })),
            ("GET /counting-rules", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/counting-rules")),
            ("GET /counting-rules/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/counting-rules/1")),
            ("PATCH /counting-rules/{id}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, "/api/v1/counting-rules/1", new { windowMonths = 24 }, "application/merge-patch+json")),
            ("GET /reports/counted", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/counted?year=2026")),
            ("GET /deals/{id}/counting", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}/counting")),
            ("GET /reports/performance/deals", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/performance/deals?year=2026&figure=signed")),
            ("POST /board-groups", ["admin"], HttpStatusCode.Created, async c => await Send(c.Client, HttpMethod.Post, "/api/v1/board-groups", new { name = $"分组{++n}", unit = "park", memberIds = new[] { await Park($"分组园区{n}") } })),
            ("GET /board-groups", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/board-groups")),
            ("GET /board-groups/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/board-groups/{await BoardGroup()}")),
            ("PATCH /board-groups/{id}", ["admin"], HttpStatusCode.OK, async c => await Send(c.Client, HttpMethod.Patch, $"/api/v1/board-groups/{await BoardGroup()}", new { name = $"改名{++n}" }, "application/merge-patch+json")),
            ("GET /reports/milestones", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/milestones")),
            ("GET /reports/needs", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/needs")),
            ("POST /health-rules", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/health-rules", new { name = $"体检规则{++n}", kind = "notStarted", period = new { count = 6, unit = "months" } })),
            ("GET /health-rules", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/health-rules")),
            ("GET /health-rules/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/health-rules/1")),
            ("PATCH /health-rules/{id}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, "/api/v1/health-rules/1", new { enabled = true }, "application/merge-patch+json")),
            ("GET /events/{id}/cohort", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/events/{forum}/cohort")),
            ("GET /events/cohorts", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/events/cohorts?eventIds={forum}")),
            ("GET /reports/rankings", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/reports/rankings?by=park&year={Today[..4]}")),
            ("GET /reports/health", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/health")),
            ("GET /deals/{id}/health", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}/health")),
            ("GET /reports/overdue", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/reports/overdue")),
            ("POST /criteria-sets", ["admin"], HttpStatusCode.Created, c => Send(c.Client, HttpMethod.Post, "/api/v1/criteria-sets", new { name = $"评价指标{++n}", criteria, bands })),
            ("GET /criteria-sets", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync("/api/v1/criteria-sets")),
            ("GET /criteria-sets/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/criteria-sets/{criteriaSet}")),
            ("GET /criteria-sets/{id}/revisions/{revision}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/criteria-sets/{criteriaSet}/revisions/1")),
            ("PATCH /criteria-sets/{id}", ["admin"], HttpStatusCode.OK, c => Send(c.Client, HttpMethod.Patch, $"/api/v1/criteria-sets/{criteriaSet}", new { name = $"评价指标{++n}" }, "application/merge-patch+json")),
            ("POST /deals/{id}/scores", ["admin", "manager", "officer"], HttpStatusCode.Created, async c => await Send(c.Client, HttpMethod.Post, $"/api/v1/deals/{await OfficersDeal()}/scores", new { criteriaSetId = criteriaSet, scores = new[] { new { criterion = "fit", score = 50m }, new { criterion = "tech", score = 30m } } })),
            ("GET /deals/{id}/scores", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, async c => await c.Client.GetAsync($"/api/v1/deals/{await OfficersDeal()}/scores")),
            ("GET /reports/evaluation", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/reports/evaluation?criteriaSetId={criteriaSet}")),
            ("GET /reports/chains/{id}", ["admin", "manager", "officer", "analyst"], HttpStatusCode.OK, c => c.Client.GetAsync($"/api/v1/reports/chains/{chain}")),
        };

        var failures = new List<string>();
        using var anonymous = Factory.ClientWithKey(null);
        foreach (var (name, allowed, success, call) in matrix)
        {
            foreach (var caller in callers.Values)
            {
                var expected = allowed.Contains(caller.Role) ? success : HttpStatusCode.Forbidden;
                var response = await call(caller);
                if (response.StatusCode != expected)
                {
                    failures.Add($"{caller.Role} {name}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }

            var unauthenticated = await call(new Caller("none", world.Officer, anonymous));
            if (unauthenticated.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"no key {name}: expected 401, got {(int)unauthenticated.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Every operation of the OpenAPI document is a row of the matrix: a new endpoint without its cells fails here.
        static string Shape(string operation) => PathParameter().Replace(operation, "{}");
        var cells = matrix.Select(m => Shape(m.Name)).ToHashSet(StringComparer.Ordinal);
        var document = await Factory.OpenApiDocumentAsync();
        var uncovered = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => Shape($"{o.Key.ToUpperInvariant()} {p.Key.Replace("/api/v1", "", StringComparison.Ordinal)}")))
            .Where(o => !cells.Contains(o))
            .ToList();
        Assert.True(uncovered.Count == 0, "operations without a row in the matrix: " + string.Join(", ", uncovered));
        foreach (var caller in callers.Values)
        {
            caller.Client.Dispose();
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex PathParameter();

    [DbFact]
    public async Task Keys_are_checked_hashed_revocable_several_per_user_and_their_use_is_recorded()
    {
        var (userId, first) = await UserWithKey("李娜", "analyst");
        var second = (await PostOk($"/api/v1/users/{userId}/keys", new { }))["apiKey"]!.GetValue<string>();
        using var one = Factory.ClientWithKey(first);
        using var two = Factory.ClientWithKey(second);
        using var bearer = Factory.ClientWithKey(null);
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", second);
        using var unknown = Factory.ClientWithKey("dp_not-a-key");

        Assert.Equal(HttpStatusCode.OK, (await one.GetAsync("/api/v1/deals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/api/v1/deals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/deals")).StatusCode);
        var unauthorized = await AssertProblem(await unknown.GetAsync("/api/v1/deals"), HttpStatusCode.Unauthorized);
        Assert.Contains("unknown or revoked", unauthorized["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var keys = (await GetOk($"/api/v1/users/{userId}/keys"))["items"]!.AsArray();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.NotNull(k!["lastUsedAt"]));
        Assert.All(keys, k => Assert.Null(k!["apiKey"]));
        Assert.Equal(first[..10], keys[0]!["prefix"]!.GetValue<string>());
        var snapshot = await Snapshot();
        Assert.DoesNotContain(first, snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain(second, snapshot, StringComparison.Ordinal);

        var revoke = await Send(HttpMethod.Delete, $"/api/v1/users/{userId}/keys/{Id(keys[0]!)}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await AssertProblem(await one.GetAsync("/api/v1/deals"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/api/v1/deals")).StatusCode);
        await AssertProblem(await Send(HttpMethod.Delete, $"/api/v1/users/{userId}/keys/{Id(keys[0]!)}"), HttpStatusCode.NotFound);
        await AssertProblem(await Send(HttpMethod.Delete, $"/api/v1/users/999/keys/1"), HttpStatusCode.NotFound);
        Assert.NotNull((await GetOk($"/api/v1/users/{userId}/keys"))["items"]!.AsArray()[0]!["revokedAt"]);
    }

    [DbFact]
    public async Task Nobody_reads_a_confidential_deal_of_another_team_whatever_id_they_guess()
    {
        var world = await CreateWorld();
        var otherTeam = await Team("深圳招商工作组");
        var (owner, ownerKey) = await UserWithKey("周杰", "officer", otherTeam);
        var (_, teammateKey) = await UserWithKey("吴昊", "officer", otherTeam);
        var (_, outsiderKey) = await UserWithKey("王磊二", "officer", world.Team);
        var (_, analystKey) = await UserWithKey("BI", "analyst");
        var (_, managerKey) = await UserWithKey("马建国", "manager");
        var secret = Id(await Deal(world, new { ownerId = owner, confidential = true, codeName = "Project Falcon", stage = "landed", openedOn = DaysAgo(5) }, "总部迁移（保密）", 5_000_000_000m));
        var open = Id(await Deal(world, new { ownerId = owner }, "公开项目", 100m));
        using var outsider = Factory.ClientWithKey(outsiderKey);
        using var analyst = Factory.ClientWithKey(analystKey);
        var before = await Snapshot();

        foreach (var client in new[] { outsider, analyst })
        {
            await AssertProblem(await client.GetAsync($"/api/v1/deals/{secret}"), HttpStatusCode.NotFound);
            await AssertProblem(await client.GetAsync($"/api/v1/deals/{secret}/history"), HttpStatusCode.NotFound);
            var listed = await Json(await client.GetAsync("/api/v1/deals?includeDeleted=true&updatedSince=2000-01-01T00:00:00Z&limit=500"));
            Assert.Equal([open], listed["items"]!.AsArray().Select(d => Id(d!)));
            Assert.Empty((await Json(await client.GetAsync("/api/v1/deals?q=" + Uri.EscapeDataString("保密"))))["items"]!.AsArray());
            Assert.Empty((await Json(await client.GetAsync("/api/v1/deals?q=Falcon")))["items"]!.AsArray());
            Assert.Empty((await Json(await client.GetAsync("/api/v1/deals?stage=landed")))["items"]!.AsArray());
        }

        await AssertProblem(await Send(outsider, HttpMethod.Patch, $"/api/v1/deals/{secret}", new { name = "x" }), HttpStatusCode.NotFound);
        await AssertProblem(await Send(outsider, HttpMethod.Post, $"/api/v1/deals/{secret}/transitions", new { to = "signed", reason = "x" }), HttpStatusCode.NotFound);
        await AssertProblem(await Send(outsider, HttpMethod.Post, $"/api/v1/deals/{secret}/status", new { status = "onHold" }), HttpStatusCode.NotFound);
        await AssertProblem(await Send(outsider, HttpMethod.Post, $"/api/v1/deals/{secret}/milestones", new { kind = "constructionStarted", on = Today }), HttpStatusCode.NotFound);
        await AssertProblem(await Send(outsider, HttpMethod.Patch, $"/api/v1/deals/{open}", new { name = "x" }), HttpStatusCode.Forbidden);
        await AssertProblem(await Send(outsider, HttpMethod.Post, $"/api/v1/deals/{open}/transitions", new { to = "negotiation" }), HttpStatusCode.Forbidden);
        await AssertProblem(await Send(analyst, HttpMethod.Patch, $"/api/v1/deals/{secret}", new { name = "x" }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync($"/api/v1/deals/{open}")).StatusCode);
        Assert.Equal(before, await Snapshot());

        // A caller's figures count only the deals that caller may see: no filter (an owner, a stage, an
        // as-of day) can isolate a hidden deal's amount by difference, and totals equal the caller's list.
        foreach (var query in new[] { "", $"?ownerId={owner}", "?groupBy=owner", "?groupBy=stage&asOf=" + DaysAgo(1) })
        {
            var report = await Json(await analyst.GetAsync("/api/v1/reports/pipeline" + query));
            Assert.Equal(query.Contains("asOf", StringComparison.Ordinal) ? 0m : 100m, Money(report["total"]!["intendedInvestment"]));
            Assert.DoesNotContain("保密", report.ToJsonString(), StringComparison.Ordinal);
        }

        var performance = await Json(await analyst.GetAsync($"/api/v1/reports/performance?from={DaysAgo(30)}&to={Today}"));
        Assert.Equal(0, performance["landed"]!["count"]!.GetValue<long>());
        using var manager = Factory.ClientWithKey(managerKey);
        Assert.Equal(5_000_000_100m, Money((await Json(await manager.GetAsync("/api/v1/reports/pipeline")))["total"]!["intendedInvestment"]));
        Assert.Equal(1, (await Json(await manager.GetAsync($"/api/v1/reports/performance?from={DaysAgo(30)}&to={Today}")))["landed"]!["count"]!.GetValue<long>());

        // Its owner, the owner's team and managers see it.
        foreach (var key in new[] { ownerKey, teammateKey, managerKey })
        {
            using var client = Factory.ClientWithKey(key);
            var deal = await Json(await client.GetAsync($"/api/v1/deals/{secret}"));
            Assert.Equal("Project Falcon", deal["codeName"]!.GetValue<string>());
        }

        using var teammate = Factory.ClientWithKey(teammateKey);
        Assert.Equal(HttpStatusCode.OK, (await Send(teammate, HttpMethod.Post, $"/api/v1/deals/{secret}/milestones", new { kind = "constructionStarted", on = Today })).StatusCode);
    }

    [DbFact]
    public async Task Officers_assign_deals_only_within_their_team_and_server_fields_are_refused()
    {
        var world = await CreateWorld();
        var otherTeam = await Team("国际招商专班");
        var stranger = await User("孙涛", "officer", otherTeam);
        var (me, myKey) = await UserWithKey("陈静", "officer", world.Team);
        using var officer = Factory.ClientWithKey(myKey);
        object Body(object extra)
        {
            var body = new JsonObject { ["name"] = "x", ["companyId"] = world.Company, ["parkId"] = world.Park, ["sectorId"] = world.Drugs, ["intendedInvestment"] = 1 };
            foreach (var (k, v) in System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                body[k] = v?.DeepClone();
            }

            return body.ToJsonString();
        }

        var before = await Snapshot();
        await AssertProblem(await Send(officer, HttpMethod.Post, "/api/v1/deals", Body(new { ownerId = stranger })), HttpStatusCode.Forbidden);
        await AssertProblem(await Send(officer, HttpMethod.Post, "/api/v1/deals", Body(new { teamId = otherTeam })), HttpStatusCode.Forbidden);
        foreach (var field in new[] { "id", "version", "createdAt", "updatedAt", "status", "signedOn", "lostReason" })
        {
            await AssertProblem(await Send(officer, HttpMethod.Post, "/api/v1/deals", Body(new Dictionary<string, object> { [field] = 1 })), HttpStatusCode.BadRequest, field);
        }

        Assert.Equal(before, await Snapshot());
        var mine = await Json(await Send(officer, HttpMethod.Post, "/api/v1/deals", Body(new { })));
        Assert.Equal((me, world.Team), (mine["ownerId"]!.GetValue<long>(), mine["teamId"]!.GetValue<long>()));
        var teammates = await Json(await Send(officer, HttpMethod.Post, "/api/v1/deals", Body(new { ownerId = world.Officer })));
        Assert.Equal(world.Officer, teammates["ownerId"]!.GetValue<long>());

        await AssertProblem(await Send(officer, HttpMethod.Patch, $"/api/v1/deals/{Id(mine)}", new { ownerId = stranger }), HttpStatusCode.Forbidden);
        await AssertProblem(await Send(officer, HttpMethod.Patch, $"/api/v1/deals/{Id(mine)}", new { teamId = otherTeam }), HttpStatusCode.Forbidden);
        await AssertProblem(await Send(officer, HttpMethod.Patch, $"/api/v1/deals/{Id(mine)}", new { version = 9 }), HttpStatusCode.BadRequest, "version");
        var manager = await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(mine)}", new { ownerId = stranger });
        Assert.Equal(HttpStatusCode.OK, manager.StatusCode);
        Assert.Equal(otherTeam, (await Json(manager))["teamId"]!.GetValue<long>());
    }

    [DbFact]
    public async Task Api_answers_are_never_cached()
    {
        var response = await Client.GetAsync("/api/v1/parks");
        var problem = await Client.GetAsync("/api/v1/deals/12345");

        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("no-store", problem.Headers.CacheControl!.ToString());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

public sealed class SqliteAccessControlTests : AccessControlTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerAccessControlTests : AccessControlTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresAccessControlTests : AccessControlTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>The limiter with a small budget, so that a test can spend it.</summary>
public sealed class RateLimitTests : ApiTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["RateLimit:PermitsPerSecond"] = "1",
        ["RateLimit:Burst"] = "3",
        ["Cors:AllowedOrigins:0"] = "https://bi.example.gov.cn",
    };

    [Fact]
    public async Task A_key_over_its_budget_gets_429_with_retry_after_and_other_keys_do_not()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await Client.GetAsync("/api/v1/parks");
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : limited;
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.NotNull(limited);
        Assert.True(int.Parse(limited!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await AssertProblem(limited, HttpStatusCode.TooManyRequests);
        using var other = Factory.ClientWithKey("someone-elses-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/parks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Configured_origins_may_call_from_a_browser_and_no_others()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        allowed.Headers.Add("Origin", "https://bi.example.gov.cn");
        using var other = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        other.Headers.Add("Origin", "https://evil.example.com");

        var yes = await Client.SendAsync(allowed);
        var no = await Client.SendAsync(other);

        Assert.Equal("https://bi.example.gov.cn", yes.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(no.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
