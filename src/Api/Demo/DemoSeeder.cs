using DealPipeline.Api.Features.Referrals;
using DealPipeline.Api.Features.Claims;
using DealPipeline.Api.Features.Chains;
using DealPipeline.Api.Features.Deadlines;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.Evaluation;
using DealPipeline.Api.Features.FxRates;
using DealPipeline.Api.Features.Leads;
using DealPipeline.Api.Features.Milestones;
using DealPipeline.Api.Features.Sectors;
using DealPipeline.Api.Features.Users;

namespace DealPipeline.Api.Demo;

/// <summary>
/// Loads <c>seeds/demo.json</c> into an empty database, through the domain: every demo deal is
/// opened and moved with the same rules and history as a real one, back-dated to its steps.
/// The demo users' documented keys are loaded only when asked (in Development).
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, ILogger<DemoSeeder> logger)
{
    private static readonly JsonSerializerOptions SeedJson = new(JsonSerializerDefaults.Web);

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "seeds", "demo.json");

    public async Task<bool> SeedAsync(string path, bool withDemoKeys, CancellationToken cancellationToken)
    {
        // The stores resolved from one scope share its session, so that the whole load is one transaction.
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var session = services.GetRequiredService<DbSession>();
        var (apiKeys, sectors, criteriaSets) = (services.GetRequiredService<ApiKeyStore>(), services.GetRequiredService<SectorStore>(), services.GetRequiredService<CriteriaSetStore>());
        var (chains, rules) = (services.GetRequiredService<ChainStore>(), services.GetRequiredService<DeadlineRuleStore>());
        var (claims, claimRules) = (services.GetRequiredService<ClaimStore>(), services.GetRequiredService<IOptions<ClaimOptions>>().Value.ToRules());
        var referrals = services.GetRequiredService<ReferralStore>();
        var (leads, dispatcher) = (services.GetRequiredService<LeadStore>(), services.GetRequiredService<LeadDispatcher>());
        var (milestones, needs) = (services.GetRequiredService<DealMilestoneStore>(), services.GetRequiredService<DealNeedStore>());
        await session.BeginAsync(cancellationToken);
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM parks", null, cancellationToken) > 0)
        {
            return false;
        }

        await using var file = File.OpenRead(path);
        var seed = await JsonSerializer.DeserializeAsync<Seed>(file, SeedJson, cancellationToken)
            ?? throw new InvalidOperationException($"{path} is empty.");
        var now = DateTimeOffset.UtcNow;
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var dialect = session.Dialect;

        async Task<long> Insert(string key, string table, string columns, string values, object args)
        {
            var id = await session.QuerySingleAsync<long>(dialect.InsertReturningId(table, columns, values), args, cancellationToken);
            ids[key] = id;
            return id;
        }

        foreach (var p in seed.Parks)
        {
            await Insert("park:" + p.Key, "parks", "name, city, region_code, created_at", "@Name, @City, @RegionCode, @now", new { p.Name, p.City, p.RegionCode, now });
        }

        foreach (var s in seed.Sectors)
        {
            long? parentId = s.Parent is null ? null : ids["sector:" + s.Parent];
            var parentPath = parentId is null
                ? "/"
                : await session.QuerySingleAsync<string>("SELECT path FROM sectors WHERE id = @parentId", new { parentId }, cancellationToken);
            ids["sector:" + s.Key] = await sectors.InsertAsync(s.Name, parentId, parentPath, now, cancellationToken, s.IndustryCode);
        }

        foreach (var t in seed.Teams)
        {
            await Insert("team:" + t.Key, "teams", "name, created_at", "@Name, @now", new { t.Name, now });
        }

        foreach (var u in seed.Users)
        {
            long? teamId = u.Team is null ? null : ids["team:" + u.Team];
            var userId = await Insert("user:" + u.Key, "users", "name, role, team_id, created_at", "@Name, @Role, @teamId, @now", new { u.Name, u.Role, teamId, now });
            if (withDemoKeys && u.ApiKey is { } key)
            {
                await apiKeys.StoreAsync(userId, key, now, cancellationToken);
            }
        }

        foreach (var c in seed.Companies)
        {
            await Insert("company:" + c.Key, "companies", "name, credit_code, country, city, region_code, created_at", "@Name, @CreditCode, @Country, @City, @RegionCode, @now", new { c.Name, c.CreditCode, c.Country, c.City, c.RegionCode, now });
        }

        foreach (var r in seed.FxRates)
        {
            await session.ExecuteAsync(
                "INSERT INTO fx_rates (currency, effective_on, rate_e8, updated_at) VALUES (@Currency, @EffectiveOn, @rate, @now)",
                new { r.Currency, r.EffectiveOn, rate = FxRateStore.ToE8(r.Rate), now },
                cancellationToken);
        }

        var definitions = new Dictionary<string, (long Id, CriteriaDefinition Definition)>(StringComparer.Ordinal);
        foreach (var set in seed.CriteriaSets ?? [])
        {
            var definition = set.ToDefinition();
            definition.Check();
            var setId = await Insert("criteriaSet:" + set.Name, "criteria_sets", "name, created_at", "@Name, @now", new { set.Name, now });
            await criteriaSets.WriteRevisionAsync(setId, 1, definition, now, cancellationToken);
            definitions[set.Name!] = (setId, definition);
        }

        foreach (var e in seed.Events)
        {
            await Insert(
                "event:" + e.Key,
                "events",
                "name, type, starts_on, ends_on, city, park_id, visitors_received, created_at, updated_at, version",
                "@Name, @type, @StartsOn, @EndsOn, @City, @parkId, @VisitorsReceived, @now, @now, 1",
                new { e.Name, type = (int)Parse<EventType>(e.Type), e.StartsOn, e.EndsOn, e.City, parkId = e.Park is null ? (long?)null : ids["park:" + e.Park], e.VisitorsReceived, now });
        }

        var repository = new DealRepository(session);
        var steps = await services.GetRequiredService<MilestoneStepStore>().AllAsync(cancellationToken);
        long? manager = seed.Users.FirstOrDefault(u => u.Role == "manager") is { } m0 ? ids["user:" + m0.Key] : null;
        var teamOf = seed.Users.ToDictionary(u => u.Key, u => u.Team is null ? (long?)null : ids["team:" + u.Team], StringComparer.Ordinal);
        foreach (var d in seed.Deals)
        {
            var terms = new DealTerms(
                d.Name,
                ids["company:" + d.Company],
                ids["park:" + d.Park],
                ids["sector:" + d.Sector],
                ids["user:" + d.Owner],
                teamOf[d.Owner],
                Parse<DealSource>(d.Source),
                d.Event is null ? null : ids["event:" + d.Event],
                d.Referrer is null ? null : ids["company:" + d.Referrer],
                d.IsKeyProject,
                false,
                null,
                Money.ToMinor(d.IntendedInvestment),
                d.Currency,
                null,
                d.ExpectedAnnualOutput is { } o ? Money.ToMinor(o) : null,
                d.ExpectedAnnualTax is { } t ? Money.ToMinor(t) : null,
                d.ExpectedJobs,
                d.PlannedLandingOn,
                d.LandArea is { } mu ? (long)(mu * 100) : null);
            var owner = ids["user:" + d.Owner];
            var deal = Deal.Open(terms, Stage.Contact, d.OpenedOn, owner, At(d.OpenedOn));
            foreach (var step in d.Steps)
            {
                var at = At(step.On);
                if (step.To is not null)
                {
                    deal.MoveTo(Parse<Stage>(step.To), step.On, step.Reason, step.ContractedInvestment is { } c ? Money.ToMinor(c) : null, owner, at);
                }
                else if (step.Status == "lost")
                {
                    deal.MarkLost(Parse<LostReason>(step.Reason!), step.On, step.Note, owner, at);
                }
                else if (step.Status == "onHold")
                {
                    deal.PutOnHold(step.On, step.Note, owner, at);
                }
                else if (step.Milestone is not null)
                {
                    deal.RecordMilestone(Parse<MilestoneKind>(step.Milestone), step.On, at);
                }
            }

            await repository.AddAsync(deal, cancellationToken);
            if (d.Key is not null)
            {
                ids["deal:" + d.Key] = deal.Id;
            }

            foreach (var a in d.Activities ?? [])
            {
                await session.ExecuteAsync(
                    "INSERT INTO activities (deal_id, type, on_date, summary, next_step, by_user_id, created_at) VALUES (@dealId, @type, @On, @Summary, @NextStep, @owner, @at)",
                    new { dealId = deal.Id, type = (int)Parse<ActivityType>(a.Type), a.On, a.Summary, a.NextStep, owner, at = At(a.On) },
                    cancellationToken);
            }

            foreach (var f in d.Funds ?? [])
            {
                deal.CheckFundsInPlace(f.On);
                await session.ExecuteAsync(
                    "INSERT INTO funds_in_place (deal_id, on_date, amount_minor, note, by_user_id, created_at) VALUES (@dealId, @On, @amount, @Note, @owner, @at)",
                    new { dealId = deal.Id, f.On, amount = Money.ToMinor(f.Amount), f.Note, owner, at = At(f.On) },
                    cancellationToken);
            }

            // The office's own milestones (供地, 备案 …) and the project's needs (要素保障), checked as the API checks them.
            var reached = DealMilestoneStore.Reached([], deal.ConstructionStartedOn, deal.ProductionStartedOn, null).ToList();
            foreach (var m in d.Milestones ?? [])
            {
                var step = MilestoneRules.Check(steps, reached, m.Step, m.On, deal.SignedOn);
                await milestones.AddAsync(deal.Id, step.Id, m.On, owner, cancellationToken);
                reached.Add(new ReachedMilestone(m.Step, m.On));
            }

            foreach (var n in d.Needs ?? [])
            {
                var quantity = Needs.ToThousandths(n.Quantity, "quantity");
                var need = await needs.GetAsync(await needs.AddAsync(deal.Id, Parse<NeedKind>(n.Kind), quantity, n.RequestedOn, n.Note, owner, cancellationToken), cancellationToken);
                if (n.Decision is { } decision)
                {
                    var (state, approved) = Needs.Decide(need.State, quantity, decision == "approved", n.ApprovedQuantity);
                    await needs.DecideAsync(need, state, approved, n.DecidedOn ?? n.RequestedOn, null, manager, cancellationToken);
                }
            }

            if (d.Evaluation is { } evaluation)
            {
                var (setId, definition) = definitions[evaluation.Set];
                var (total, band) = definition.Score(evaluation.Scores, evaluation.Vetoes.ToDictionary(v => v.Key, v => (string?)v.Value));
                await session.ExecuteAsync(
                    "INSERT INTO deal_scores (deal_id, set_id, revision, total_tenths, band, scores, vetoes, note, by_user_id, created_at) VALUES (@dealId, @setId, 1, @tenths, @band, @scores, @vetoes, @Note, @owner, @now)",
                    new
                    {
                        dealId = deal.Id,
                        setId,
                        tenths = (long)(total * 10),
                        band,
                        scores = JsonSerializer.Serialize(evaluation.Scores.Select(p => new CriterionScore(p.Key, p.Value)), SeedJson),
                        vetoes = evaluation.Vetoes.Count == 0 ? null : JsonSerializer.Serialize(evaluation.Vetoes.Select(v => new VetoApplied(v.Key, v.Value)), SeedJson),
                        evaluation.Note,
                        owner,
                        now,
                    },
                    cancellationToken);
            }

            if (d.Activities is { Count: > 0 })
            {
                await repository.TouchAsync(deal.Id, d.Activities.Max(a => a.On), cancellationToken);
            }
        }

        foreach (var l in seed.Letters)
        {
            await session.ExecuteAsync(
                "INSERT INTO letters (type, signed_on, counterparty, deal_id, event_id, created_at, updated_at, version) VALUES (@type, @SignedOn, @Counterparty, @dealId, @eventId, @at, @at, 1)",
                new
                {
                    type = (int)Parse<LetterType>(l.Type),
                    l.SignedOn,
                    l.Counterparty,
                    dealId = l.Deal is null ? (long?)null : ids["deal:" + l.Deal],
                    eventId = l.Event is null ? (long?)null : ids["event:" + l.Event],
                    at = At(l.SignedOn),
                },
                cancellationToken);
        }

        foreach (var c in seed.Chains ?? [])
        {
            var chainId = await chains.AddChainAsync(
                new CreateChain(c.Name, c.Description, [.. c.Parks.Select(p => ids["park:" + p])], [.. c.Leaders.Select(l => ids["company:" + l])]), cancellationToken);
            var parents = new Dictionary<long, long?>();
            foreach (var link in c.Links)
            {
                long? parentId = link.Parent is null ? null : ids["link:" + link.Parent];
                ChainTree.CheckParent(null, parentId, parents);
                var linkId = await chains.AddLinkAsync(chainId, new ChainLinkBody(link.Name, link.Position, parentId, [.. link.Sectors.Select(k => ids["sector:" + k])]), cancellationToken);
                ids["link:" + link.Key] = linkId;
                parents[linkId] = parentId;
                foreach (var company in link.Companies)
                {
                    await chains.AttachAsync(linkId, ChainAttachment.Company, ids["company:" + company], cancellationToken);
                }
            }
        }

        foreach (var year in seed.Calendar ?? [])
        {
            await session.ExecuteAsync("INSERT INTO calendar_years (cal_year, updated_at) VALUES (@Year, @now)", new { year.Year, now }, cancellationToken);
            foreach (var (days, kind) in new[] { (year.Holidays, "holiday"), (year.Workdays, "workday") })
            {
                foreach (var day in days)
                {
                    await session.ExecuteAsync("INSERT INTO calendar_days (on_date, cal_year, kind) VALUES (@day, @Year, @kind)", new { day, year.Year, kind }, cancellationToken);
                }
            }
        }

        foreach (var rule in seed.DeadlineRules ?? [])
        {
            await rules.AddAsync(rule, cancellationToken);
        }

        foreach (var c in seed.Claims ?? [])
        {
            var claim = ProjectClaim.Register(
                ids["company:" + c.Company], new ClaimHolder(ids["park:" + c.Park], null), c.FirstReportedOn, c.FirstTalkOn, c.Evidence, claimRules, ChinaTime.DateOf(now));
            await claims.AddAsync(claim, new ClaimProject(Money.ToMinor(c.IntendedInvestment), c.Currency, false, ids["sector:" + c.Sector]), cancellationToken);
        }

        foreach (var r in seed.Referrers ?? [])
        {
            ids["referrer:" + r.Key] = await referrals.AddReferrerAsync(new CreateReferrer(Parse<ReferrerKind>(r.Kind), r.Name, null, r.Contact, r.RegisteredOn), cancellationToken);
        }

        foreach (var r in seed.RewardSchemes ?? [])
        {
            var scheme = RewardScheme.Create(
                Parse<RewardMethod>(r.Method),
                [.. r.Bands.Select(b => b.ToBand())],
                r.Cap is { } cap ? Money.ToMinor(cap) : null);
            ids["scheme:" + r.Key] = await referrals.AddSchemeAsync(r.Name, scheme, cancellationToken);
        }

        foreach (var r in seed.Referrals ?? [])
        {
            var dealId = ids["deal:" + r.Deal];
            await referrals.AddReferralAsync(dealId, new RecordReferral(dealId, ids["referrer:" + r.Referrer], ids["scheme:" + r.Scheme], r.ConfirmedOn, r.Confirmation), cancellationToken);
        }

        foreach (var r in seed.LeadRules ?? [])
        {
            await leads.AddRuleAsync(
                new DispatchRule(
                    0, r.Name, r.Priority, r.Sector is null ? null : ids["sector:" + r.Sector], r.RegionCode,
                    r.MinIntendedInvestment is { } min ? Money.ToMinor(min) : null, r.MaxIntendedInvestment is { } max ? Money.ToMinor(max) : null,
                    r.Team is null ? null : ids["team:" + r.Team], r.Owner is null ? null : ids["user:" + r.Owner]),
                cancellationToken);
        }

        foreach (var l in seed.Leads ?? [])
        {
            await SeedLeadAsync(leads, dispatcher, l, ids, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        Log.DemoLoaded(logger, seed.Deals.Count);
        return true;
    }

    /// <summary>
    /// A lead dispatched as the API dispatches it (the rules above), then taken, contacted, dropped or converted as the seed says: a
    /// converted one names the demo deal it became, on the day the deal opened.
    /// </summary>
    private static async Task SeedLeadAsync(LeadStore leads, LeadDispatcher dispatcher, LeadSeed l, Dictionary<string, long> ids, CancellationToken cancellationToken)
    {
        var company = ids["company:" + l.Company];
        var sector = ids["sector:" + l.Sector];
        var minor = Money.ToMinor(l.IntendedInvestment);
        var (position, ruleId) = await dispatcher.DispatchAsync(company, sector, minor, cancellationToken);
        var id = await leads.AddAsync(
            new NewLead(
                company, l.Title, Parse<LeadSource>(l.Source), l.Event is null ? null : ids["event:" + l.Event], l.Referrer is null ? null : ids["referrer:" + l.Referrer],
                sector, null, minor, RateTable.Cny, l.Contact, null, l.ReceivedOn, position, ruleId, null),
            cancellationToken);
        async Task Then(Func<LeadPosition, LeadPosition> to, LeadEvent happened)
        {
            var current = await leads.GetAsync(id, cancellationToken);
            await leads.UpdateAsync(current, to(current.ToPosition()), happened, Escalation.None, cancellationToken);
        }

        if (l.TakenBy is { } officer)
        {
            var (user, team) = (ids["user:" + officer], await leads.TeamOfAsync(ids["user:" + officer], cancellationToken));
            await Then(_ => LeadPosition.Dispatched(user, team), new LeadEvent(LeadEventKind.Taken, l.TakenOn ?? l.ReceivedOn));
        }

        foreach (var c in l.Contacts ?? [])
        {
            await Then(p => p, new LeadEvent(LeadEventKind.Contacted, c.On) { Note = c.Summary, ActivityType = Parse<ActivityType>(c.Type) });
        }

        if (l.Dropped is { } reason)
        {
            await Then(p => p.Close(LeadStatus.Dropped), new LeadEvent(LeadEventKind.Dropped, (l.Contacts?.LastOrDefault()?.On ?? l.ReceivedOn).AddDays(1)) { Note = reason });
        }

        if (l.Deal is { } deal)
        {
            await Then(p => p.Close(LeadStatus.Converted), new LeadEvent(LeadEventKind.Converted, l.ReceivedOn) { DealId = ids["deal:" + deal] });
        }
    }

    /// <summary>A back-dated step is recorded as if entered at 10:00 China Standard Time that day.</summary>
    private static DateTimeOffset At(DateOnly day) => ChinaTime.StartOf(day).AddHours(10);

    private static T Parse<T>(string text)
        where T : struct, Enum =>
        Names.TryParse<T>(text, out var value) ? value : throw new InvalidOperationException($"Unknown {typeof(T).Name} '{text}' in the demo data.");

    private sealed record Seed(
        List<ParkSeed> Parks,
        List<SectorSeed> Sectors,
        List<Named> Teams,
        List<UserSeed> Users,
        List<CompanySeed> Companies,
        List<RateSeed> FxRates,
        List<EventSeed> Events,
        List<DealSeed> Deals,
        List<LetterSeed> Letters,
        List<ChainSeed>? Chains,
        List<CalendarSeed>? Calendar,
        List<CreateDeadlineRule>? DeadlineRules,
        List<CreateCriteriaSet>? CriteriaSets,
        List<ClaimSeed>? Claims,
        List<ReferrerSeed>? Referrers,
        List<SchemeSeed>? RewardSchemes,
        List<ReferralSeed>? Referrals,
        List<LeadRuleSeed>? LeadRules,
        List<LeadSeed>? Leads);

    private sealed record LeadRuleSeed(string Name, int Priority, string? Sector, string? RegionCode, decimal? MinIntendedInvestment, decimal? MaxIntendedInvestment, string? Team, string? Owner);

    private sealed record LeadSeed(
        string Company, string Title, string Source, string? Event, string? Referrer, string Sector, decimal IntendedInvestment, DateOnly ReceivedOn, string? Contact,
        string? TakenBy, DateOnly? TakenOn, List<ActivitySeed>? Contacts, string? Dropped, string? Deal);

    private sealed record ReferrerSeed(string Key, string Kind, string Name, string? Contact, DateOnly RegisteredOn);

    private sealed record SchemeSeed(string Key, string Name, string Method, List<RewardBandBody> Bands, decimal? Cap);

    private sealed record ReferralSeed(string Deal, string Referrer, string Scheme, DateOnly ConfirmedOn, string Confirmation);

    private sealed record ClaimSeed(string Company, string Park, DateOnly FirstReportedOn, DateOnly? FirstTalkOn, string Evidence, decimal IntendedInvestment, string Currency, string Sector);

    private sealed record EvaluationSeed(string Set, Dictionary<string, decimal> Scores, Dictionary<string, string> Vetoes, string? Note);

    private sealed record CalendarSeed(int Year, List<DateOnly> Holidays, List<DateOnly> Workdays);

    private sealed record ChainSeed(string Name, string? Description, List<string> Parks, List<string> Leaders, List<LinkSeed> Links);

    private sealed record LinkSeed(string Key, string Name, string Position, string? Parent, List<string> Sectors, List<string> Companies);

    private sealed record EventSeed(string Key, string Name, string Type, DateOnly StartsOn, DateOnly EndsOn, string City, string? Park, int? VisitorsReceived);

    private sealed record ActivitySeed(string Type, DateOnly On, string Summary, string? NextStep);

    private sealed record FundsSeed(DateOnly On, decimal Amount, string? Note);

    private sealed record LetterSeed(string Type, DateOnly SignedOn, string Counterparty, string? Deal, string? Event);

    private sealed record Named(string Key, string Name, string? City);

    private sealed record ParkSeed(string Key, string Name, string City, string RegionCode);

    private sealed record SectorSeed(string Key, string Name, string? Parent, string? IndustryCode);

    private sealed record UserSeed(string Key, string Name, string Role, string? Team, string? ApiKey);

    private sealed record CompanySeed(string Key, string Name, string? CreditCode, string Country, string? City, string? RegionCode);

    private sealed record RateSeed(string Currency, decimal Rate, DateOnly EffectiveOn);

    private sealed record DealSeed(
        string? Key,
        string? Event,
        List<ActivitySeed>? Activities,
        List<FundsSeed>? Funds,
        decimal? LandArea,
        EvaluationSeed? Evaluation,
        string Name,
        string Company,
        string Park,
        string Sector,
        string Owner,
        string Source,
        string? Referrer,
        bool IsKeyProject,
        decimal IntendedInvestment,
        string Currency,
        decimal? ExpectedAnnualOutput,
        decimal? ExpectedAnnualTax,
        int? ExpectedJobs,
        DateOnly? PlannedLandingOn,
        DateOnly OpenedOn,
        List<StepSeed> Steps,
        List<MilestoneSeed>? Milestones = null,
        List<NeedSeed>? Needs = null);

    private sealed record MilestoneSeed(string Step, DateOnly On);

    private sealed record NeedSeed(string Kind, decimal Quantity, DateOnly RequestedOn, string? Note, string? Decision, decimal? ApprovedQuantity, DateOnly? DecidedOn);

    private sealed record StepSeed(DateOnly On, string? To, string? Status, string? Milestone, string? Reason, string? Note, decimal? ContractedInvestment);
}
