namespace DealPipeline.Api.Tests;

/// <summary>The three letters (三书): linked to a deal, an event or neither, and filtered.</summary>
public abstract class LetterTests : ApiTest
{
    [DbFact]
    public async Task Letters_link_to_a_deal_an_event_or_neither_and_are_filtered()
    {
        var world = await CreateWorld();
        var forum = Id(await Event());
        var deal = Id(await Deal(world, new { stage = "negotiation" }));

        var intent = await Letter("intent", DaysAgo(59), deal, forum);
        await Letter("initiative", DaysAgo(59), eventId: forum);
        await Letter("expertAppointment", DaysAgo(5), counterparty: "张教授");
        var response = await Client.GetAsync($"/api/v1/letters/{Id(intent)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal("negotiation", (await GetOk($"/api/v1/deals/{deal}"))["stage"]!.GetValue<string>());
        long[] Ids(JsonObject page) => page["items"]!.AsArray().Select(l => Id(l!)).ToArray();
        Assert.Equal(3, Ids(await GetOk("/api/v1/letters")).Length);
        Assert.Equal(2, Ids(await GetOk($"/api/v1/letters?eventId={forum}")).Length);
        Assert.Equal([Id(intent)], Ids(await GetOk($"/api/v1/letters?dealId={deal}")));
        Assert.Equal([Id(intent)], Ids(await GetOk("/api/v1/letters?type=intent")));
        Assert.Single(Ids(await GetOk($"/api/v1/letters?from={DaysAgo(10)}")));
        Assert.Equal(2, Ids(await GetOk($"/api/v1/letters?from={DaysAgo(59)}&to={DaysAgo(59)}&type=intent,initiative")).Length);

        await AssertProblem(await Post("/api/v1/letters", new { type = "contract", signedOn = Today, counterparty = "x" }), HttpStatusCode.BadRequest, "type");
        await AssertProblem(await Post("/api/v1/letters", new { type = "intent", signedOn = DaysAgo(-1), counterparty = "x" }), HttpStatusCode.BadRequest, "signedOn");
        await AssertProblem(await Post("/api/v1/letters", new { type = "intent", signedOn = Today, counterparty = "x", eventId = 999 }), HttpStatusCode.BadRequest, "eventId");
        await AssertProblem(await Post("/api/v1/letters", new { type = "intent", signedOn = Today, counterparty = "x", dealId = 999 }), HttpStatusCode.NotFound);
        await AssertProblem(await Post("/api/v1/letters", new { type = "intent", signedOn = Today }), HttpStatusCode.BadRequest, "counterparty");
        await AssertProblem(await Client.GetAsync("/api/v1/letters/999"), HttpStatusCode.NotFound);
        await AssertProblem(await Client.GetAsync("/api/v1/letters?from=2025-02-30"), HttpStatusCode.BadRequest, "from");
    }
}

public sealed class SqliteLetterTests : LetterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerLetterTests : LetterTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresLetterTests : LetterTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
