using System.Text.Json;
using DealPipeline.Api.Application;
using DealPipeline.Api.Features.Reports;
using DealPipeline.Api.Http;
using DealPipeline.Domain;

namespace DealPipeline.Api.Tests;

/// <summary>The pure helpers the handlers lean on, each on its own: merge patches, report periods, currency conversion, money, the funnel median, per-亩 figures, the today/as-of source of reports.</summary>
public sealed class HelperTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private sealed record Fields(string Name, string? City, long? ParentId, decimal? Amount);

    [Fact]
    public void A_merge_patch_changes_the_members_it_names_clears_with_null_and_refuses_what_it_may_not_touch()
    {
        var current = new Fields("杭州医药港", "杭州", 3, 120.50m);
        var notPatchable = new Dictionary<string, Text> { ["id"] = ProblemTexts.IdSetByServer };
        using var patch = JsonDocument.Parse("""{"city":null,"amount":99.99}""");

        Assert.Equal(current with { City = null, Amount = 99.99m }, MergePatch.Apply(current, patch.RootElement, Options, notPatchable));

        using var refused = JsonDocument.Parse("""{"id":5,"colour":"red","name":"x"}""");
        var problem = Assert.Throws<ProblemException>(() => MergePatch.Apply(current, refused.RootElement, Options, notPatchable));
        Assert.Equal(400, problem.Status);
        Assert.Equal(["colour", "id"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("The id is set by the server.", "id 由服务端设定。"), (problem.Errors["id"][0].English, problem.Errors["id"][0].Chinese));

        using var notAnObject = JsonDocument.Parse("[1]");
        Assert.Equal("$", Assert.Single(Assert.Throws<ProblemException>(() => MergePatch.Apply(current, notAnObject.RootElement, Options, notPatchable)).Errors!.Keys));
        using var hidden = JsonDocument.Parse("""{"name":"a\u202Eb"}""");
        Assert.Contains("name", Assert.Throws<ProblemException>(() => MergePatch.Apply(current, hidden.RootElement, Options, notPatchable)).Errors!.Keys);
    }

    [Fact]
    public void A_report_period_is_a_year_or_an_inclusive_range_of_at_most_ten_years()
    {
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), ReportPeriod.Resolve(null, null, 2026));
        Assert.Equal(new ReportPeriod(new DateOnly(2026, 2, 28), new DateOnly(2026, 2, 28)), ReportPeriod.Resolve("2026-02-28", "2026-02-28", null));
        Assert.Equal(new DateOnly(2036, 1, 1), ReportPeriod.Resolve("2026-01-01", "2036-01-01", null).To);

        foreach (var (from, to, year, field) in new (string?, string?, int?, string)[]
        {
            ("2026-01-01", null, 2026, "year"), (null, null, 1999, "year"), (null, null, 2101, "year"), ("2026-01-01", null, null, "to"),
            (null, "2026-01-01", null, "from"), ("2026-03-02", "2026-03-01", null, "to"), ("2026-01-01", "2036-01-02", null, "to"), ("2026-02-30", "2026-03-01", null, "from"),
        })
        {
            var problem = Assert.Throws<ProblemException>(() => ReportPeriod.Resolve(from, to, year));
            Assert.True(problem.Errors!.ContainsKey(field), $"{from}/{to}/{year}: {string.Join(",", problem.Errors.Keys)}");
        }
    }

    [Fact]
    public void Money_is_exact_to_the_fen_and_refuses_what_it_cannot_hold()
    {
        Assert.Equal(120_000_000_050L, Money.ToMinor(1_200_000_000.50m));
        Assert.Equal(1_200_000_000.50m, Money.FromMinor(120_000_000_050L));
        Assert.Equal("0.10", Money.Format(10));
        Assert.False(Money.IsValidAmount(1.005m));
        Assert.False(Money.IsValidAmount(-0.01m));
        Assert.True(Money.IsValidAmount(0m));
    }

    /// <summary>The funnel's median days in a stage, from a histogram (days → stays) in ascending order of days.</summary>
    [Theory]
    [InlineData(new long[0], new long[0], null)]
    [InlineData(new long[] { 3 }, new long[] { 1 }, "3")]
    [InlineData(new long[] { 1, 5 }, new long[] { 1, 1 }, "3")]
    [InlineData(new long[] { 1, 10 }, new long[] { 2, 1 }, "1")]
    [InlineData(new long[] { 2, 3, 7 }, new long[] { 1, 1, 2 }, "5")]
    [InlineData(new long[] { 4, 9 }, new long[] { 1, 2 }, "9")]
    [InlineData(new long[] { 0, 1 }, new long[] { 1, 1 }, "0.5")]
    public void The_funnel_median_is_the_middle_stay_or_the_mean_of_the_two_middle_ones(long[] days, long[] stays, string? median)
    {
        var histogram = days.Zip(stays, (d, s) => (d, s)).ToList();

        Assert.Equal(median is null ? null : decimal.Parse(median, System.Globalization.CultureInfo.InvariantCulture), GetFunnelReportHandler.Median(histogram));
    }

    [Fact]
    public void Per_mu_figures_are_over_the_deals_that_give_land_exact_to_the_fen()
    {
        // 1,000,000.00 yuan and 30,000.00 of tax on 3 亩; 500,000.00 without land; amounts in fen, land in hundredths of a 亩.
        var row = EvaluationRow.Of("A", "A 类", BandTotals.OfDeal(100_000_000, 3_000_000, 300) + BandTotals.OfDeal(50_000_000, 0, null) + BandTotals.OfDeal(10, 0, 0));

        Assert.Equal((3L, 1_500_000.10m, 1L, 3m), (row.Count, row.IntendedInvestment, row.WithLandArea, row.LandArea));
        Assert.Equal(333_333.33m, row.IntendedPerMu);
        Assert.Equal(10_000m, row.ExpectedTaxPerMu);
        var none = EvaluationRow.Of(null, "未评价", BandTotals.OfDeal(5, 5, null));
        Assert.Equal((null, null, 0L), (none.IntendedPerMu, none.ExpectedTaxPerMu, none.WithLandArea));
    }

    [Fact]
    public void Reports_read_today_from_the_deals_table_and_a_past_day_from_the_history_in_force()
    {
        var today = new DateOnly(2026, 11, 22);
        var args = new Dapper.DynamicParameters();

        var now = DealStateSource.At(today, today, args);
        Assert.True(now.IsToday);
        Assert.Equal(("deals d", "d.stage", "d.status", "x = 1 AND y = 2"), (now.From, now.Stage, now.Status, now.Where("x = 1", "y = 2")));
        Assert.Empty(args.ParameterNames);

        var past = DealStateSource.At(today.AddDays(-1), today, args);
        Assert.False(past.IsToday);
        Assert.Equal(("d.stage_at", "d.status_at", "x = 1"), (past.Stage, past.Status, past.Where("x = 1")));

        // The deals unchanged since the day from the table, the others from their history and revisions in force then.
        Assert.StartsWith("(SELECT d0.id, d0.name", past.From, StringComparison.Ordinal);
        Assert.Contains("FROM deals d0 WHERE d0.last_change_on <= @asOf AND d0.id NOT IN (SELECT x.deal_id FROM deal_revisions x WHERE x.valid_until IS NULL AND x.on_date > @asOf)", past.From, StringComparison.Ordinal);
        Assert.Contains("COALESCE(r.intended_minor, d0.intended_minor) AS intended_minor", past.From, StringComparison.Ordinal);
        Assert.Contains("d0.fixed_asset_minor", past.From, StringComparison.Ordinal);
        Assert.Contains("WHERE h.on_date <= @asOf AND h.valid_until > @asOf UNION ALL", past.From, StringComparison.Ordinal);
        Assert.EndsWith(") d", past.From, StringComparison.Ordinal);
        Assert.Equal(["asOf"], args.ParameterNames);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Json.Configure(options);
        return options;
    }
}
