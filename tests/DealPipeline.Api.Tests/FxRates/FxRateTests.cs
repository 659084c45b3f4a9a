namespace DealPipeline.Api.Tests;

/// <summary>Exchange rates: set per currency and day, listed, refused for CNY and unknown codes.</summary>
public abstract class FxRateTests : ApiTest
{
    [DbFact]
    public async Task Fx_rates_are_set_per_currency_and_day_and_listed()
    {
        await SetRate("USD", 7.1004m, "2025-01-01");
        await SetRate("USD", 7.2m, "2025-06-30");
        await SetRate("USD", 7.25m, "2025-06-30");
        await SetRate("JPY", 0.04812m, "2025-01-01");

        var items = (await GetOk("/api/v1/fx-rates"))["items"]!.AsArray();
        Assert.Equal(
            ["JPY 0.04812 2025-01-01", "USD 7.25 2025-06-30", "USD 7.1004 2025-01-01"],
            items.Select(r => $"{r!["currency"]} {r["rate"]!.GetValue<decimal>()} {r["effectiveOn"]}"));
        foreach (var bad in new object[] { new { rate = 0, effectiveOn = "2025-01-01" }, new { rate = 7.123456789, effectiveOn = "2025-01-01" }, new { rate = 7 } })
        {
            await AssertProblem(await Send(HttpMethod.Put, "/api/v1/fx-rates/USD", bad), HttpStatusCode.BadRequest);
        }

        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/fx-rates/CNY", new { rate = 1, effectiveOn = "2025-01-01" }), HttpStatusCode.BadRequest, "currency");
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/fx-rates/usd", new { rate = 1, effectiveOn = "2025-01-01" }), HttpStatusCode.BadRequest, "currency");
        await AssertProblem(await Send(HttpMethod.Put, "/api/v1/fx-rates/ZZZ", new { rate = 1, effectiveOn = "2025-01-01" }), HttpStatusCode.BadRequest, "currency");
    }
}

public sealed class SqliteFxRateTests : FxRateTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerFxRateTests : FxRateTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresFxRateTests : FxRateTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
