using System.Globalization;
using DealPipeline.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace DealPipeline.Api.Tests;

/// <summary>
/// The repository keeps the row a unit of work read or stored, to load the aggregate again without a read and to
/// update only the columns that changed: what it kept of a unit rolled back is never used by the next one (the
/// unit of work's retry runs in the same scope), and an update after a load through the read model stores every change.
/// </summary>
public abstract class DealRepositoryTests : ApiTest
{
    [DbFact]
    public async Task A_unit_of_work_rolled_back_leaves_nothing_the_next_one_in_the_same_scope_uses()
    {
        var w = await CreateWorld();
        var id = await CreateDeal(w, "重试项目");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            var deals = scope.ServiceProvider.GetRequiredService<DealRepository>();
            var day = DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture);

            await session.BeginAsync(default);
            var first = (await deals.FindAsync(id, default))!;
            first.MoveTo(Stage.Negotiation, day, null, null, null, DateTimeOffset.UtcNow);
            Assert.True(await deals.UpdateAsync(first, 1, default));
            await session.RollbackAsync();

            // The retry loads the deal as the database holds it (version 1, at contact), not as the rolled-back unit left it.
            await session.BeginAsync(default);
            var again = (await deals.FindAsync(id, default))!;
            Assert.Equal((1, Stage.Contact), (again.Version, again.Stage));
            again.MoveTo(Stage.Letters, day, null, null, null, DateTimeOffset.UtcNow);
            Assert.True(await deals.UpdateAsync(again, 1, default));
            await session.CommitAsync(default);
        }

        var deal = await GetOk($"/api/v1/deals/{id}");
        Assert.Equal(("letters", 2), (deal["stage"]!.GetValue<string>(), deal["version"]!.GetValue<int>()));
        var moves = (await GetOk($"/api/v1/deals/{id}/history"))["items"]!.AsArray();
        Assert.Equal(2, moves.Count);
    }

    [DbFact]
    public async Task A_change_after_the_read_models_read_stores_every_field_it_changed()
    {
        var w = await CreateWorld();
        var id = await CreateDeal(w, "改名项目");
        var patched = await Send(HttpMethod.Patch, $"/api/v1/deals/{id}", new { name = "新名称", intendedInvestment = 250.5m, isKeyProject = true }, "application/merge-patch+json", new Dictionary<string, string> { ["If-Match"] = "\"1\"" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post($"/api/v1/deals/{id}/transitions", new { to = "negotiation" })).StatusCode);

        var deal = await GetOk($"/api/v1/deals/{id}");
        Assert.Equal(("新名称", 250.5m, true, "negotiation", 3), (deal["name"]!.GetValue<string>(), deal["intendedInvestment"]!.GetValue<decimal>(), deal["isKeyProject"]!.GetValue<bool>(), deal["stage"]!.GetValue<string>(), deal["version"]!.GetValue<int>()));
    }

    private async Task<long> CreateDeal(World w, string name)
    {
        var created = await Post("/api/v1/deals", new { name, companyId = w.Company, parkId = w.Park, sectorId = w.Drugs, ownerId = w.Officer, intendedInvestment = 100 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return Id(JsonNode.Parse(await created.Content.ReadAsStringAsync())!);
    }
}

public sealed class SqliteDealRepositoryTests : DealRepositoryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresDealRepositoryTests : DealRepositoryTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
