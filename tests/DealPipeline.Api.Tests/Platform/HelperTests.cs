using System.Text.Json;
using DealPipeline.Api.Application;
using DealPipeline.Api.Features.Reports;
using DealPipeline.Api.Http;
using DealPipeline.Domain;
using FxRates = DealPipeline.Api.Features.FxRates.FxRates;

namespace DealPipeline.Api.Tests;

/// <summary>The pure helpers the handlers lean on, each on its own: merge patches, report periods, currency conversion, money.</summary>
public sealed class HelperTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private sealed record Fields(string Name, string? City, long? ParentId, decimal? Amount);

    [Fact]
    public void A_merge_patch_changes_the_members_it_names_clears_with_null_and_refuses_what_it_may_not_touch()
    {
        var current = new Fields("杭州医药港", "杭州", 3, 120.50m);
        var notPatchable = new Dictionary<string, string> { ["id"] = "The id is set by the server." };
        using var patch = JsonDocument.Parse("""{"city":null,"amount":99.99}""");

        Assert.Equal(current with { City = null, Amount = 99.99m }, MergePatch.Apply(current, patch.RootElement, Options, notPatchable));

        using var refused = JsonDocument.Parse("""{"id":5,"colour":"red","name":"x"}""");
        var problem = Assert.Throws<ProblemException>(() => MergePatch.Apply(current, refused.RootElement, Options, notPatchable));
        Assert.Equal(400, problem.Status);
        Assert.Equal(["colour", "id"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The id is set by the server.", problem.Errors["id"][0]);

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

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Json.Configure(options);
        return options;
    }
}
