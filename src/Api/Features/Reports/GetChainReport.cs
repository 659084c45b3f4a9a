using DealPipeline.Api.Features.Chains;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Reports;

/// <summary>One stage of a link's pipeline.</summary>
public sealed record ChainStageFigures(Stage Stage, string Label, long Count, decimal IntendedInvestment);

/// <summary>A link's figures: over the deals of the link and of its sub-links.</summary>
public sealed record ChainLinkFigures(
    long LinkId,
    long? ParentId,
    int Depth,
    string Name,
    ChainPosition Position,
    string PositionLabel,
    long LandedCompanies,
    bool Gap,
    long Deals,
    decimal IntendedInvestment,
    IReadOnlyList<ChainStageFigures> Stages);

/// <summary>What a chain leader (链主) brought in: its referrals and the deals of the links it is attached to.</summary>
public sealed record ChainLeaderFigures(long CompanyId, string Name, long Deals, long Referred, long Signed, long Landed, decimal IntendedInvestment);

public sealed record ChainTotals(long Links, long Gaps, long LandedCompanies, long Deals, decimal IntendedInvestment);

public sealed record ChainReport(long ChainId, string Name, DateOnly AsOf, string Currency, ChainTotals Total, IReadOnlyList<ChainLinkFigures> Links, IReadOnlyList<ChainLeaderFigures> Leaders);

public sealed record GetChainReport : ReportFilterQuery, IQuery<ChainReport>, IFilteredReport
{
    [Microsoft.AspNetCore.Mvc.FromRoute(Name = "id")]
    public long ChainId { get; init; }

    /// <summary>active (default), onHold, or any: the deals of the links' pipelines.</summary>
    public string? Status { get; init; }

}

public sealed class GetChainReportValidator : AbstractValidator<GetChainReport>
{
    public GetChainReportValidator()
    {
        RuleFor(x => x.Status).Must(s => s is null or "active" or "onHold" or "any")
            .WithMessage(ProblemTexts.StatusActiveDefaultOnHoldAnyActive);
    }
}

/// <summary>
/// A chain's figures today, over the deals of the chain's parks (every park when it names none). A deal belongs to a link when it is attached to the link or one of its
/// sub-links, or its company is; a link's figures cover its sub-links, each deal once. Per link:
/// landedCompanies, the distinct companies of its landed deals (whatever the status filter); gap,
/// true when there is none; and its pipeline (the deals of the status filter, active by default)
/// by stage, with their CNY intended investment. Per chain leader: the deals it referred
/// (referrerCompanyId) and the deals of the links it is attached to, but its own; of those,
/// how many are signed (signed or already landed) and landed. Lost deals never count; the report
/// filters and the caller's visibility apply to every deal (a confidential deal the caller may not
/// see is in no figure). Non-CNY amounts are converted per deal at today's rates, to the fen.
/// </summary>
public sealed class GetChainReportHandler(ChainStore chains, DbSession session, FxRateStore fxRates, DealFilter dealFilter, IClock clock, Common.CallerLanguage language) : IRequestHandler<GetChainReport, ChainReport>
{
    public async Task<ChainReport> Handle(GetChainReport request, CancellationToken cancellationToken)
    {
        var chain = await chains.GetAsync(request.ChainId, cancellationToken);
        var today = clock.Today;
        var (where, args) = await dealFilter.WhereAsync(request.Filter, false, cancellationToken);
        args.Add("chainId", chain.Id);
        args.Add("lost", (int)DealStatus.Lost);
        if (chain.ParkIds.Count > 0)
        {
            // A chain that parks run counts the deals that land in them: a company's deal elsewhere is another park's business.
            where.Append(" AND ").Append(session.Dialect.InList("d.park_id", "chainParks"));
            args.Add("chainParks", chain.ParkIds.ToArray());
        }

        var deals = (await session.QueryAsync<DealRow>(
            $"""
            SELECT d.id, d.company_id, d.referrer_company_id, d.stage, d.status, d.intended_minor, d.currency
            FROM deals d
            WHERE {where} AND d.status <> @lost AND (
                d.id IN (SELECT x.deal_id FROM chain_link_deals x JOIN chain_links l ON l.id = x.link_id WHERE l.chain_id = @chainId)
                OR d.company_id IN (SELECT x.company_id FROM chain_link_companies x JOIN chain_links l ON l.id = x.link_id WHERE l.chain_id = @chainId)
                OR d.referrer_company_id IN (SELECT x.company_id FROM chain_leaders x WHERE x.chain_id = @chainId))
            """,
            args,
            cancellationToken)).ToList();
        var attachedDeals = (await session.QueryAsync<Attachment>(
            "SELECT x.link_id, x.deal_id AS member FROM chain_link_deals x JOIN chain_links l ON l.id = x.link_id WHERE l.chain_id = @chainId",
            new { chainId = chain.Id },
            cancellationToken)).ToLookup(a => a.LinkId, a => a.Member);
        var rates = await fxRates.InForceAsync(today, cancellationToken);
        var cny = deals.ToDictionary(d => d.Id, d => (long)rates.ToCny(d.Currency.Trim(), d.IntendedMinor));
        var statuses = request.Status switch
        {
            "onHold" => new[] { DealStatus.OnHold },
            "any" => [DealStatus.Active, DealStatus.OnHold],
            _ => [DealStatus.Active],
        };

        var parents = chain.Links.ToDictionary(l => l.Id, l => l.ParentId);
        var companiesOf = chain.Links.ToDictionary(l => l.Id, l => l.CompanyIds);

        // The deals of a set of links: attached to one of them, or of a company attached to one.
        List<DealRow> DealsOf(IEnumerable<long> links)
        {
            var set = links.ToList();
            var ids = set.SelectMany(l => attachedDeals[l]).ToHashSet();
            var companies = set.SelectMany(l => companiesOf[l]).ToHashSet();
            return [.. deals.Where(d => ids.Contains(d.Id) || companies.Contains(d.CompanyId))];
        }

        var links = chain.Links.Select(link =>
        {
            var mine = DealsOf(ChainTree.Subtree(link.Id, parents));
            var pipeline = mine.Where(d => statuses.Contains((DealStatus)d.Status)).ToList();
            var landed = mine.Where(d => d.Stage == (int)Stage.Landed).Select(d => d.CompanyId).Distinct().LongCount();
            return new ChainLinkFigures(
                link.Id,
                link.ParentId,
                ChainTree.Depth(link.Id, parents),
                link.Name,
                link.Position,
                Labels.Of(link.Position, language.English),
                landed,
                landed == 0,
                pipeline.Count,
                Money.FromMinor(pipeline.Sum(d => cny[d.Id])),
                [.. Enum.GetValues<Stage>().Select(stage =>
                {
                    var at = pipeline.Where(d => d.Stage == (int)stage).ToList();
                    return new ChainStageFigures(stage, Labels.Of(stage, language.English), at.Count, Money.FromMinor(at.Sum(d => cny[d.Id])));
                })]);
        }).ToList();

        var names = chain.LeaderCompanyIds.Count == 0
            ? new Dictionary<long, string>()
            : (await session.QueryAsync<NameRow>($"SELECT id, name FROM companies WHERE {session.Dialect.InList("id", "ids")}", new { ids = chain.LeaderCompanyIds.ToArray() }, cancellationToken))
                .ToDictionary(r => r.Id, r => r.Name);
        var leaders = chain.LeaderCompanyIds.Select(leader =>
        {
            var itsLinks = chain.Links.Where(l => l.CompanyIds.Contains(leader)).SelectMany(l => ChainTree.Subtree(l.Id, parents)).Distinct();
            var brought = DealsOf(itsLinks).Concat(deals.Where(d => d.ReferrerCompanyId == leader)).DistinctBy(d => d.Id).Where(d => d.CompanyId != leader).ToList();
            return new ChainLeaderFigures(
                leader,
                names.GetValueOrDefault(leader, ""),
                brought.Count,
                brought.Count(d => d.ReferrerCompanyId == leader),
                brought.Count(d => d.Stage >= (int)Stage.Signed),
                brought.Count(d => d.Stage == (int)Stage.Landed),
                Money.FromMinor(brought.Sum(d => cny[d.Id])));
        }).OrderByDescending(l => l.Deals).ThenBy(l => l.CompanyId).ToList();

        var chainDeals = DealsOf(chain.Links.Select(l => l.Id));
        var chainPipeline = chainDeals.Where(d => statuses.Contains((DealStatus)d.Status)).ToList();
        var total = new ChainTotals(
            links.Count,
            links.Count(l => l.Gap),
            chainDeals.Where(d => d.Stage == (int)Stage.Landed).Select(d => d.CompanyId).Distinct().LongCount(),
            chainPipeline.Count,
            Money.FromMinor(chainPipeline.Sum(d => cny[d.Id])));
        return new ChainReport(chain.Id, chain.Name, today, RateTable.Cny, total, links, leaders);
    }

    private sealed record DealRow
    {
        public long Id { get; init; }

        public long CompanyId { get; init; }

        public long? ReferrerCompanyId { get; init; }

        public int Stage { get; init; }

        public int Status { get; init; }

        public long IntendedMinor { get; init; }

        public string Currency { get; init; } = "";
    }

    private sealed record Attachment
    {
        public long LinkId { get; init; }

        public long Member { get; init; }
    }

    private sealed record NameRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";
    }
}
