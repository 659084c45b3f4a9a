namespace DealPipeline.Api.Tests;

public abstract class DealTests : ApiTest
{
    [DbFact]
    public async Task A_new_deal_gets_defaults_a_location_an_etag_and_its_first_history_entry()
    {
        var world = await CreateWorld();

        var response = await Post("/api/v1/deals", new
        {
            name = "创新药研发中心",
            companyId = world.Company,
            parkId = world.Park,
            sectorId = world.Drugs,
            ownerId = world.Officer,
            intendedInvestment = 1_200_000_000.00m,
            expectedAnnualTax = 30_000_000.55m,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var deal = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal($"/api/v1/deals/{Id(deal)}", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal("contact", deal["stage"]!.GetValue<string>());
        Assert.Equal("active", deal["status"]!.GetValue<string>());
        Assert.Equal("other", deal["source"]!.GetValue<string>());
        Assert.Equal("CNY", deal["currency"]!.GetValue<string>());
        Assert.Equal(Today, deal["openedOn"]!.GetValue<string>());
        Assert.Equal(world.Team, deal["teamId"]!.GetValue<long>());
        Assert.Equal("1200000000.00", deal["intendedInvestment"]!.ToJsonString());
        Assert.Equal("30000000.55", deal["expectedAnnualTax"]!.ToJsonString());
        Assert.Null(deal["signedOn"]);
        Assert.EndsWith("Z", deal["createdAt"]!.GetValue<string>(), StringComparison.Ordinal);
        var history = (await GetOk($"/api/v1/deals/{Id(deal)}/history"))["items"]!.AsArray();
        var first = Assert.Single(history)!;
        Assert.Equal(("stage", null, "contact", Today), (first["kind"]!.GetValue<string>(), first["from"]?.GetValue<string>(), first["to"]!.GetValue<string>(), first["on"]!.GetValue<string>()));
    }

    [DbFact]
    public async Task A_deal_back_filled_at_a_later_stage_records_that_stage_on_its_opening_date()
    {
        var world = await CreateWorld();

        var deal = await Deal(world, new { stage = "signed", openedOn = "2025-03-15", contractedInvestment = 95_000_000m });

        Assert.Equal("signed", deal["stage"]!.GetValue<string>());
        Assert.Equal("2025-03-15", deal["signedOn"]!.GetValue<string>());
        Assert.Equal(95_000_000m, Money(deal["contractedInvestment"]));
        var entry = (await GetOk($"/api/v1/deals/{Id(deal)}/history"))["items"]!.AsArray().Single()!;
        Assert.Equal(("signed", "2025-03-15"), (entry["to"]!.GetValue<string>(), entry["on"]!.GetValue<string>()));
    }

    [DbFact]
    public async Task Creating_with_unknown_references_reports_every_one_and_stores_nothing()
    {
        await CreateWorld();
        var before = await Snapshot();

        var response = await Post("/api/v1/deals", new { name = "x", companyId = 900, parkId = 901, sectorId = 902, ownerId = 903, teamId = 904, intendedInvestment = 1 });

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["companyId", "ownerId", "parkId", "sectorId", "teamId"], errors.Select(e => e.Key).Order());
        Assert.Equal(before, await Snapshot());
    }

    [DbFact]
    public async Task A_deal_without_an_owner_or_an_identified_caller_is_refused()
    {
        var world = await CreateWorld();

        var response = await Post("/api/v1/deals", new { name = "x", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, intendedInvestment = 1 });

        await AssertProblem(response, HttpStatusCode.BadRequest, "ownerId");
    }

    [DbFact]
    public async Task An_analyst_cannot_own_a_deal()
    {
        var world = await CreateWorld();
        var analyst = await User("BI 数据接口", "analyst");

        await AssertProblem(
            await Post("/api/v1/deals", new { name = "x", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, ownerId = analyst, intendedInvestment = 1 }),
            HttpStatusCode.BadRequest,
            "ownerId");
    }

    [DbFact]
    public async Task A_foreign_currency_deal_needs_a_rate_first()
    {
        var world = await CreateWorld();

        await AssertProblem(
            await Post("/api/v1/deals", new { name = "x", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, ownerId = world.Officer, intendedInvestment = 1, currency = "USD" }),
            HttpStatusCode.BadRequest,
            "currency");
        await SetRate("USD", 7.1m, "2025-01-01");
        var deal = await Deal(world, new { currency = "USD" });

        Assert.Equal("USD", deal["currency"]!.GetValue<string>());
    }

    [DbFact]
    public async Task Get_returns_the_deal_with_its_version_as_etag()
    {
        var world = await CreateWorld();
        var deal = await Deal(world);
        await Move(Id(deal), "negotiation");

        var response = await Client.GetAsync($"/api/v1/deals/{Id(deal)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, body["version"]!.GetValue<int>());
        Assert.Equal("negotiation", body["stage"]!.GetValue<string>());
        await AssertProblem(await Client.GetAsync("/api/v1/deals/424242"), HttpStatusCode.NotFound);
    }

    [DbFact]
    public async Task A_patch_cannot_set_a_contracted_investment_below_signed_any_more_than_a_move_can()
    {
        var world = await CreateWorld();
        var deal = Id(await Deal(world));
        var before = await Snapshot();
        await AssertProblem(
            await Send(HttpMethod.Patch, $"/api/v1/deals/{deal}", new { name = "改名", contractedInvestment = 90_000_000m }, "application/merge-patch+json"),
            HttpStatusCode.BadRequest,
            "contractedInvestment",
            "contractedInvestment.stage");
        Assert.Equal(before, await Snapshot());

        await Move(deal, "signed", contractedInvestment: 90_000_000m);
        var corrected = await Send(HttpMethod.Patch, $"/api/v1/deals/{deal}", new { contractedInvestment = 95_000_000m }, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(95_000_000m, Money((await GetOk($"/api/v1/deals/{deal}"))["contractedInvestment"]));
    }

    /// <summary>The field added to show what a new deal field touches (README, "Adding a field to a deal"): stored, shown, patched, exported, and its rule held.</summary>
    [DbFact]
    public async Task A_fixed_asset_investment_is_part_of_the_intended_investment_through_create_patch_and_export()
    {
        var world = await CreateWorld();
        var before = await Snapshot();
        await AssertProblem(
            await Post("/api/v1/deals", new { name = "x", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, ownerId = world.Officer, intendedInvestment = 100m, fixedAssetInvestment = 100.01m }),
            HttpStatusCode.BadRequest,
            "fixedAssetInvestment",
            "fixedAssetInvestment.exceedsTotal");
        await AssertProblem(
            await Post("/api/v1/deals", new { name = "x", companyId = world.Company, parkId = world.Park, sectorId = world.Drugs, ownerId = world.Officer, intendedInvestment = 100m, fixedAssetInvestment = 1.001m }),
            HttpStatusCode.BadRequest,
            "fixedAssetInvestment");
        Assert.Equal(before, await Snapshot());

        var deal = await Deal(world, new { fixedAssetInvestment = 80_000_000.50m });
        var id = Id(deal);
        Assert.Equal("80000000.50", deal["fixedAssetInvestment"]!.ToJsonString());
        Assert.Equal(80_000_000.50m, Money((await GetOk($"/api/v1/deals/{id}"))["fixedAssetInvestment"]));

        // Lowering the total below it is refused as well: the rule is the domain's, whichever field moves.
        before = await Snapshot();
        await AssertProblem(
            await Send(HttpMethod.Patch, $"/api/v1/deals/{id}", new { intendedInvestment = 50_000_000m }, "application/merge-patch+json"),
            HttpStatusCode.BadRequest,
            "fixedAssetInvestment",
            "fixedAssetInvestment.exceedsTotal");
        Assert.Equal(before, await Snapshot());

        var patched = await Send(HttpMethod.Patch, $"/api/v1/deals/{id}", new { intendedInvestment = 60_000_000m, fixedAssetInvestment = 45_000_000m }, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(45_000_000m, Money(JsonNode.Parse(await patched.Content.ReadAsStringAsync())!["fixedAssetInvestment"]));
        var cleared = await Send(HttpMethod.Patch, $"/api/v1/deals/{id}", new { fixedAssetInvestment = (decimal?)null }, "application/merge-patch+json");
        Assert.Null(JsonNode.Parse(await cleared.Content.ReadAsStringAsync())!["fixedAssetInvestment"]);
        await Send(HttpMethod.Patch, $"/api/v1/deals/{id}", new { fixedAssetInvestment = 45_000_000m }, "application/merge-patch+json");

        var lines = (await Client.GetStringAsync("/api/v1/export/deals.csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var row = lines.Single(l => l.StartsWith(id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal("45000000.00", row[Array.IndexOf(header, "fixedAssetInvestment")]);
    }

    [DbFact]
    public async Task A_merge_patch_changes_only_the_fields_it_names_and_null_clears()
    {
        var world = await CreateWorld();
        var deal = await Deal(world, new { expectedJobs = 200, plannedLandingOn = "2027-06-30", isKeyProject = false });

        var response = await Send(
            HttpMethod.Patch,
            $"/api/v1/deals/{Id(deal)}",
            new { name = "创新药研发中心（一期）", isKeyProject = true, expectedJobs = (int?)null, intendedInvestment = 150_000_000.25m },
            "application/merge-patch+json",
            new Dictionary<string, string> { ["If-Match"] = "\"1\"" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
        var patched = await GetOk($"/api/v1/deals/{Id(deal)}");
        Assert.Equal("创新药研发中心（一期）", patched["name"]!.GetValue<string>());
        Assert.True(patched["isKeyProject"]!.GetValue<bool>());
        Assert.Null(patched["expectedJobs"]);
        Assert.Equal("2027-06-30", patched["plannedLandingOn"]!.GetValue<string>());
        Assert.Equal(150_000_000.25m, Money(patched["intendedInvestment"]));
        Assert.Equal(2, patched["version"]!.GetValue<int>());
        Assert.Single((await GetOk($"/api/v1/deals/{Id(deal)}/history"))["items"]!.AsArray());
    }

    [DbFact]
    public async Task A_stale_if_match_is_a_412_and_changes_nothing()
    {
        var world = await CreateWorld();
        var deal = await Deal(world);
        await Move(Id(deal), "negotiation");
        var before = await Snapshot();
        var stale = new Dictionary<string, string> { ["If-Match"] = "\"1\"" };

        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", new { name = "y" }, headers: stale), HttpStatusCode.PreconditionFailed);
        await AssertProblem(await Send(HttpMethod.Post, $"/api/v1/deals/{Id(deal)}/transitions", new { to = "letters" }, headers: stale), HttpStatusCode.PreconditionFailed);
        await AssertProblem(await Send(HttpMethod.Post, $"/api/v1/deals/{Id(deal)}/status", new { status = "onHold" }, headers: stale), HttpStatusCode.PreconditionFailed);
        await AssertProblem(await Send(HttpMethod.Delete, $"/api/v1/deals/{Id(deal)}", headers: stale), HttpStatusCode.PreconditionFailed);

        // RFC 9110: a weak tag, or a tag this API never issued, matches nothing: the condition is false, 412.
        foreach (var tag in new[] { "W/\"2\"", "\"stale-etag\"", "\"1\", W/\"2\"" })
        {
            await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", new { name = "y" }, headers: new Dictionary<string, string> { ["If-Match"] = tag }), HttpStatusCode.PreconditionFailed);
        }

        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", new { name = "y" }, headers: new Dictionary<string, string> { ["If-Match"] = "3, garbage" }), HttpStatusCode.BadRequest, "If-Match");

        Assert.Equal(before, await Snapshot());
        var fresh = await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", new { name = "y" }, headers: new Dictionary<string, string> { ["If-Match"] = "\"1\", \"2\"" });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var any = await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", new { name = "z" }, headers: new Dictionary<string, string> { ["If-Match"] = "*" });
        Assert.Equal(HttpStatusCode.OK, any.StatusCode);
    }

    [DbFact]
    public async Task A_patch_cannot_touch_stage_status_dates_or_version_nor_unknown_fields()
    {
        var world = await CreateWorld();
        var deal = await Deal(world);
        var before = await Snapshot();

        foreach (var field in new[] { "stage", "status", "signedOn", "landedOn", "version", "id", "createdAt", "openedOn", "lostReason", "colour" })
        {
            var body = new JsonObject { [field] = "x" };
            await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", body.ToJsonString()), HttpStatusCode.BadRequest, field);
        }

        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", new { name = (string?)null }), HttpStatusCode.BadRequest, "name");
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", new { intendedInvestment = "lots" }), HttpStatusCode.BadRequest, "intendedInvestment");
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", new { parkId = 999 }), HttpStatusCode.BadRequest, "parkId");
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", "[1,2]"), HttpStatusCode.BadRequest);
        await AssertProblem(await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", "{\"name\":\"x\"}", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await AssertProblem(await Send(HttpMethod.Patch, "/api/v1/deals/999", new { name = "x" }), HttpStatusCode.NotFound);
        Assert.Equal(before, await Snapshot());
    }

    [DbFact]
    public async Task Handing_a_deal_to_another_officer_moves_it_to_their_team()
    {
        var world = await CreateWorld();
        var otherTeam = await Team("深圳招商工作组");
        var other = await User("周杰", "officer", otherTeam);
        var deal = await Deal(world);

        await Send(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}", new { ownerId = other });

        var moved = await GetOk($"/api/v1/deals/{Id(deal)}");
        Assert.Equal((other, otherTeam), (moved["ownerId"]!.GetValue<long>(), moved["teamId"]!.GetValue<long>()));
    }

    [DbFact]
    public async Task Transitions_skip_forward_move_back_with_a_reason_and_date_signing_and_landing()
    {
        var world = await CreateWorld();
        var deal = await Deal(world, new { openedOn = DaysAgo(100) });
        var id = Id(deal);

        var signed = await Move(id, "signed", DaysAgo(50), contractedInvestment: 88_000_000.10m);
        Assert.Equal((DaysAgo(50), 88_000_000.10m), (signed["signedOn"]!.GetValue<string>(), Money(signed["contractedInvestment"])));

        await AssertProblem(await Post($"/api/v1/deals/{id}/transitions", new { to = "negotiation", on = DaysAgo(40) }), HttpStatusCode.BadRequest, "reason");
        var back = await Move(id, "negotiation", DaysAgo(40), "签约条件变化");
        Assert.Null(back["signedOn"]);
        var landed = await Move(id, "landed", DaysAgo(10));
        Assert.Equal((DaysAgo(10), DaysAgo(10)), (landed["signedOn"]!.GetValue<string>(), landed["landedOn"]!.GetValue<string>()));

        var history = (await GetOk($"/api/v1/deals/{id}/history"))["items"]!.AsArray()
            .Select(h => $"{h!["on"]} {h["from"]}>{h["to"]} {h["reason"]}".Trim()).ToList();
        Assert.Equal([$"{DaysAgo(100)} >contact", $"{DaysAgo(50)} contact>signed", $"{DaysAgo(40)} signed>negotiation 签约条件变化", $"{DaysAgo(10)} negotiation>landed"], history);
    }

    [DbFact]
    public async Task Transitions_that_conflict_or_break_dates_are_refused_and_change_nothing()
    {
        var world = await CreateWorld();
        var deal = await Deal(world, new { openedOn = DaysAgo(30) });
        var id = Id(deal);
        await Move(id, "negotiation", DaysAgo(20));
        var before = await Snapshot();

        await AssertProblem(await Post($"/api/v1/deals/{id}/transitions", new { to = "negotiation" }), HttpStatusCode.Conflict);
        await AssertProblem(await Post($"/api/v1/deals/{id}/transitions", new { to = "letters", on = DaysAgo(21) }), HttpStatusCode.BadRequest, "on");
        await AssertProblem(await Post($"/api/v1/deals/{id}/transitions", new { to = "letters", on = DaysAgo(-1) }), HttpStatusCode.BadRequest, "on");
        await AssertProblem(await Post($"/api/v1/deals/{id}/transitions", new { to = "letters", contractedInvestment = 5 }), HttpStatusCode.BadRequest, "contractedInvestment");
        var unknownStage = await AssertProblem(await Post($"/api/v1/deals/{id}/transitions", new { to = "won" }), HttpStatusCode.BadRequest, "to");
        Assert.Equal("'to' must be one of: contact, negotiation, letters, signed, landed.", unknownStage["errors"]!["to"]![0]!.GetValue<string>());
        await AssertProblem(await Post($"/api/v1/deals/{id}/transitions", new { on = Today }), HttpStatusCode.BadRequest, "to");
        await AssertProblem(await Post("/api/v1/deals/999/transitions", new { to = "letters" }), HttpStatusCode.NotFound);
        Assert.Equal(before, await Snapshot());

        await SetStatus(id, "lost", "funding");
        await AssertProblem(await Post($"/api/v1/deals/{id}/transitions", new { to = "letters" }), HttpStatusCode.Conflict);
    }

    [DbFact]
    public async Task Status_changes_hold_lose_with_a_reason_and_reactivate_keeping_the_stage()
    {
        var world = await CreateWorld();
        var id = Id(await Deal(world, new { stage = "letters", openedOn = DaysAgo(10) }));

        Assert.Equal("onHold", (await SetStatus(id, "onHold"))["status"]!.GetValue<string>());
        await AssertProblem(await Post($"/api/v1/deals/{id}/status", new { status = "onHold" }), HttpStatusCode.Conflict);
        await AssertProblem(await Post($"/api/v1/deals/{id}/status", new { status = "lost" }), HttpStatusCode.BadRequest, "reason");
        await AssertProblem(await Post($"/api/v1/deals/{id}/status", new { status = "lost", reason = "bored" }), HttpStatusCode.BadRequest, "reason");
        await AssertProblem(await Post($"/api/v1/deals/{id}/status", new { status = "active", reason = "funding" }), HttpStatusCode.BadRequest, "reason");
        var lost = await PostOk($"/api/v1/deals/{id}/status", new { status = "lost", reason = "choseOtherLocation", note = "选择长三角其他园区" }, HttpStatusCode.OK);
        Assert.Equal(("lost", "choseOtherLocation"), (lost["status"]!.GetValue<string>(), lost["lostReason"]!.GetValue<string>()));
        var active = await SetStatus(id, "active");

        Assert.Equal(("active", "letters"), (active["status"]!.GetValue<string>(), active["stage"]!.GetValue<string>()));
        Assert.Null(active["lostReason"]);
        var statuses = (await GetOk($"/api/v1/deals/{id}/history"))["items"]!.AsArray().Where(h => h!["kind"]!.GetValue<string>() == "status")
            .Select(h => $"{h!["from"]}>{h["to"]} {h["reason"]} {h["note"]}".Trim()).ToList();
        Assert.Equal(["active>onHold", "onHold>lost choseOtherLocation 选择长三角其他园区", "lost>active"], statuses);
    }

    [DbFact]
    public async Task Milestones_are_recorded_once_for_landed_deals_only()
    {
        var world = await CreateWorld();
        var id = Id(await Deal(world, new { openedOn = DaysAgo(60) }));

        await AssertProblem(await Post($"/api/v1/deals/{id}/milestones", new { kind = "constructionStarted", on = DaysAgo(1) }), HttpStatusCode.Conflict);
        await Move(id, "landed", DaysAgo(30));
        await AssertProblem(await Post($"/api/v1/deals/{id}/milestones", new { kind = "constructionStarted" }), HttpStatusCode.BadRequest, "on");
        await AssertProblem(await Post($"/api/v1/deals/{id}/milestones", new { kind = "constructionStarted", on = DaysAgo(31) }), HttpStatusCode.BadRequest, "on");
        var built = await PostOk($"/api/v1/deals/{id}/milestones", new { kind = "constructionStarted", on = DaysAgo(20) }, HttpStatusCode.OK);
        await AssertProblem(await Post($"/api/v1/deals/{id}/milestones", new { kind = "constructionStarted", on = DaysAgo(10) }), HttpStatusCode.Conflict);
        var producing = await PostOk($"/api/v1/deals/{id}/milestones", new { kind = "productionStarted", on = DaysAgo(5) }, HttpStatusCode.OK);

        Assert.Equal(DaysAgo(20), built["constructionStartedOn"]!.GetValue<string>());
        Assert.Equal(DaysAgo(5), producing["productionStartedOn"]!.GetValue<string>());
        Assert.Equal(4, producing["version"]!.GetValue<int>());
    }

    [DbFact]
    public async Task A_deleted_deal_disappears_but_leaves_a_tombstone_for_incremental_pulls()
    {
        var world = await CreateWorld();
        var kept = Id(await Deal(world, name: "保留"));
        var gone = Id(await Deal(world, name: "删除"));
        var since = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");

        var delete = await Send(HttpMethod.Delete, $"/api/v1/deals/{gone}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await AssertProblem(await Client.GetAsync($"/api/v1/deals/{gone}"), HttpStatusCode.NotFound);
        await AssertProblem(await Send(HttpMethod.Delete, $"/api/v1/deals/{gone}"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.GetAsync($"/api/v1/deals/{gone}/history"), HttpStatusCode.NotFound);
        await AssertProblem(await Post($"/api/v1/deals/{gone}/transitions", new { to = "letters" }), HttpStatusCode.NotFound);
        Assert.Equal([kept], (await GetOk("/api/v1/deals"))["items"]!.AsArray().Select(d => Id(d!)));
        var pull = (await GetOk($"/api/v1/deals?updatedSince={Uri.EscapeDataString(since)}&includeDeleted=true"))["items"]!.AsArray();
        Assert.Equal(2, pull.Count);
        var tombstone = pull.Single(d => Id(d!) == gone)!.AsObject();
        Assert.Equal(["id", "deleted", "updatedAt"], tombstone.Select(p => p.Key));
        Assert.True(tombstone["deleted"]!.GetValue<bool>());
        Assert.Null(pull.Single(d => Id(d!) == kept)!["deleted"]);
    }
}

public sealed class SqliteDealTests : DealTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerDealTests : DealTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresDealTests : DealTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
