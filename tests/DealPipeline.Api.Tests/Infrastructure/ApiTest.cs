using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>
/// Base of the functional tests: a fresh service and database per test, an HTTP client, and
/// helpers that build data through the public API only.
/// </summary>
public abstract class ApiTest : IAsyncLifetime
{
    private ApiFactory? _factory;
    private HttpClient? _client;

    protected abstract DatabaseProvider Provider { get; }

    protected ApiFactory Factory => _factory ?? throw new InvalidOperationException("Not started.");

    protected HttpClient Client => _client ?? throw new InvalidOperationException("Not started.");

    /// <summary>Settings a test class adds to the service's configuration.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services a test class replaces in the service's container.</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services => null;

    public virtual Task InitializeAsync()
    {
        _factory = new ApiFactory(Provider, Settings, Services);
        _client = _factory.ClientWithKey(ApiFactory.BootstrapAdminKey);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    protected static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ChinaTime.Zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string DaysAgo(int days) =>
        DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body = null, string contentType = "application/json", IDictionary<string, string>? headers = null) =>
        Send(Client, method, path, body, contentType, headers);

    protected static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body = null, string contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    protected Task<HttpResponseMessage> Post(string path, object body, IDictionary<string, string>? headers = null) =>
        Send(HttpMethod.Post, path, body, headers: headers);

    /// <summary>POSTs and returns the JSON answer, asserting the status.</summary>
    protected async Task<JsonObject> PostOk(string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Post(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected async Task<JsonObject> GetOk(string path)
    {
        var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: expected 200, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The JSON object an answer carries.</summary>
    protected static async Task<JsonObject> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts a ProblemDetails answer with the status (and the field in errors, and the error code, when given), and returns it.</summary>
    protected static async Task<JsonObject> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? field = null, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        if (field is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is not null && errors.ContainsKey(field), $"expected an error for '{field}': {text}");
        }

        if (code is not null)
        {
            Assert.True(problem["code"]?.GetValue<string>() == code, $"expected the code '{code}': {text}");
        }

        return problem;
    }

    protected async Task<long> Park(string name = "杭州医药港", string city = "杭州") =>
        (await PostOk("/api/v1/parks", new { name, city }))["id"]!.GetValue<long>();

    protected async Task<long> Sector(string name, long? parentId = null) =>
        (await PostOk("/api/v1/sectors", new { name, parentId }))["id"]!.GetValue<long>();

    protected async Task<long> Team(string name) =>
        (await PostOk("/api/v1/teams", new { name }))["id"]!.GetValue<long>();

    protected async Task<long> User(string name, string role = "officer", long? teamId = null) =>
        (await UserWithKey(name, role, teamId)).Id;

    /// <summary>A new user and the API key issued with them.</summary>
    protected async Task<(long Id, string Key)> UserWithKey(string name, string role = "officer", long? teamId = null)
    {
        var user = await PostOk("/api/v1/users", new { name, role, teamId });
        return (Id(user), user["apiKey"]!.GetValue<string>());
    }

    protected async Task<long> Company(string name, string? creditCode = null, string country = "CN") =>
        (await PostOk("/api/v1/companies", new { name, creditCode, country }))["id"]!.GetValue<long>();

    protected async Task SetRate(string currency, decimal rate, string effectiveOn) =>
        await PostOrPut(HttpMethod.Put, $"/api/v1/fx-rates/{currency}", new { rate, effectiveOn });

    private async Task PostOrPut(HttpMethod method, string path, object body)
    {
        var response = await Send(method, path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A promotion event, by default the Boao forum's reception hall two months ago.</summary>
    protected async Task<JsonObject> Event(string name = "博鳌亚洲论坛全球健康论坛·亦城会客厅", string type = "forum", string? startsOn = null, int? visitorsReceived = 500, long? parkId = null) =>
        await PostOk("/api/v1/events", new { name, type, startsOn = startsOn ?? DaysAgo(60), endsOn = startsOn ?? DaysAgo(58), city = "博鳌", parkId, visitorsReceived });

    /// <summary>An activity on a deal.</summary>
    protected async Task<JsonObject> Activity(long deal, string type, string on, string summary = "洽谈", string? nextStep = null, string? nextStepDue = null) =>
        await PostOk($"/api/v1/deals/{deal}/activities", new { type, on, summary, nextStep, nextStepDue });

    /// <summary>A signed letter, on a deal, an event or neither.</summary>
    protected async Task<JsonObject> Letter(string type, string signedOn, long? dealId = null, long? eventId = null, string counterparty = "某某生物") =>
        await PostOk("/api/v1/letters", new { type, signedOn, counterparty, dealId, eventId });

    /// <summary>The usual reference data: a park, a sector tree, a team, an officer and a company.</summary>
    protected async Task<World> CreateWorld()
    {
        var park = await Park();
        var biomed = await Sector("生物医药");
        var drugs = await Sector("创新药", biomed);
        var team = await Team("生物医药招商专班");
        var officer = await User("王磊", "officer", team);
        var company = await Company("杭州康源生物科技有限公司");
        return new World(park, biomed, drugs, team, officer, company);
    }

    /// <summary>Creates a deal with the world's references; <paramref name="extra"/> adds or overrides fields.</summary>
    protected async Task<JsonObject> Deal(World world, object? extra = null, string name = "创新药研发中心", decimal intendedInvestment = 100_000_000m)
    {
        ArgumentNullException.ThrowIfNull(world);
        var body = new JsonObject
        {
            ["name"] = name,
            ["companyId"] = world.Company,
            ["parkId"] = world.Park,
            ["sectorId"] = world.Drugs,
            ["ownerId"] = world.Officer,
            ["intendedInvestment"] = intendedInvestment,
        };
        if (extra is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        return await PostOk("/api/v1/deals", body.ToJsonString());
    }

    protected async Task<JsonObject> Move(long dealId, string to, string? on = null, string? reason = null, decimal? contractedInvestment = null) =>
        await PostOk($"/api/v1/deals/{dealId}/transitions", new { to, on, reason, contractedInvestment }, HttpStatusCode.OK);

    protected async Task<JsonObject> SetStatus(long dealId, string status, string? reason = null, string? on = null) =>
        await PostOk($"/api/v1/deals/{dealId}/status", new { status, reason, on }, HttpStatusCode.OK);

    /// <summary>
    /// Every row of the tables a request writes, as text: equal before and after means the request changed
    /// nothing. Left out: idempotency_keys (a refused request that sent a key keeps its answer for the retry),
    /// service_secrets (the first paged read creates the cursor key) and webhook_attempts (the background
    /// worker writes them on its own schedule).
    /// </summary>
    protected async Task<string> Snapshot()
    {
        await using var session = new DbSession(Factory.Database);
        var text = new StringBuilder();
        foreach (var table in new[] { "parks", "sectors", "teams", "users", "companies", "events", "fx_rates", "deals", "deal_history", "deal_revisions", "activities", "letters", "funds_in_place", "claims", "claim_events", "lead_rules", "leads", "lead_events", "imports", "import_rows", "referrers", "reward_schemes", "referrals", "chains", "chain_parks", "chain_leaders", "chain_links", "chain_link_sectors", "chain_link_companies", "chain_link_deals", "calendar_years", "calendar_days", "deadline_rules", "health_rules", "milestone_steps", "deal_milestones", "deal_needs", "deal_attachments", "counting_rules", "board_groups", "board_group_members", "criteria_sets", "criteria_set_revisions", "deal_scores", "targets", "api_keys", "audit_log", "changes", "webhooks", "webhook_events", "webhook_deliveries" })
        {
            text.Append('#').AppendLine(table);
            foreach (IDictionary<string, object?> row in await session.QueryAsync<dynamic>($"SELECT * FROM {table} ORDER BY 1, 2", null, default))
            {
                // A key's last use changes on reads; everything else may only change on a write.
                text.AppendLine(string.Join('|', row.Where(c => c.Key != "last_used_at").Select(c => $"{c.Key}={Convert.ToString(c.Value, CultureInfo.InvariantCulture)}")));
            }
        }

        return text.ToString();
    }

    protected static long Id(JsonNode node) => node["id"]!.GetValue<long>();

    protected static decimal Money(JsonNode? node) => node!.GetValue<decimal>();
}

public sealed record World(long Park, long Biomed, long Drugs, long Team, long Officer, long Company);
