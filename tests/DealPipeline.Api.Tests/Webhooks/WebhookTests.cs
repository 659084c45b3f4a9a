using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using DealPipeline.Api.Features.Webhooks;

namespace DealPipeline.Api.Tests;

/// <summary>
/// Webhooks through the whole stack: a real receiver on loopback (admitted by the allowlist) gets
/// every event of a scenario, in order per deal, signed as Standard Webhooks specifies (checked
/// by the test's own verifier); a receiver that fails for a while still gets each event, once
/// settled; addresses that must not be called are refused; only admins manage subscriptions.
/// </summary>
public abstract class WebhookTests : ApiTest
{
    internal static readonly string[] Created = ["deal.created"];

    private static readonly string[] CreatedAndMoved = ["deal.created", "deal.stageChanged"];

    private static readonly string[] Exploded = ["deal.exploded"];

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowedNetworks:0"] = "127.0.0.1/32",
        ["Webhooks:RetryBaseSeconds"] = "0.1",
        ["Webhooks:PollMilliseconds"] = "100",
        ["Webhooks:TimeoutSeconds"] = "5",
    };

    [DbFact]
    public async Task Every_event_of_a_scenario_arrives_signed_in_order_per_deal_and_a_confidential_deal_shows_only_its_code_name()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var subscription = await PostOk("/api/v1/webhooks", new { url = new Uri(receiver.Address, "/hooks/dealpipeline").ToString(), events = WebhookEventTypes.All, description = "园区OA" });
        var secret = subscription["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.Null((await GetOk($"/api/v1/webhooks/{Id(subscription)}"))["secret"]);

        var w = await CreateWorld();
        var a = Id(await Deal(w, name: "合成生物制造基地"));
        var b = Id(await Deal(w, new { confidential = true, codeName = "鲲鹏项目" }, "某央企区域总部迁移"));
        await Move(a, "negotiation");
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/deals/{a}", new { expectedJobs = 300 }, "application/merge-patch+json")).StatusCode);
        await SetStatus(a, "onHold");
        await SetStatus(a, "active");
        await PostOk($"/api/v1/deals/{a}/activities", new { type = "siteVisit", on = Today, summary = "企业来园区实地考察" });
        await PostOk("/api/v1/letters", new { type = "intent", signedOn = Today, counterparty = "杭州康源生物科技有限公司（央企子公司）", dealId = b });
        await PostOk($"/api/v1/deals/{b}/needs", new { kind = "land", quantity = 80m, note = "某央企总部用地" });
        using (var pdf = new ByteArrayContent([.. "%PDF-1.4\n%%EOF\n"u8]))
        {
            pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync($"/api/v1/deals/{b}/attachments?kind=contract&fileName={Uri.EscapeDataString("某央企总部合同.pdf")}", pdf)).StatusCode);
        }

        await Move(b, "negotiation", reason: "与某央企总部面谈");
        await Move(a, "signed");
        await PostOk($"/api/v1/deals/{a}/milestones", new { kind = "landSupplied", on = Today }, HttpStatusCode.OK);
        var need = Id(await PostOk($"/api/v1/deals/{a}/needs", new { kind = "energy", quantity = 1200m }));
        await PostOk($"/api/v1/deals/{a}/needs/{need}/decision", new { decision = "approved", approvedQuantity = 1000m }, HttpStatusCode.OK);
        var forum = Id(await PostOk("/api/v1/events", new { name = "博鳌论坛专场", type = "forum", startsOn = Today, endsOn = Today, city = "博鳌" }));
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Patch, $"/api/v1/events/{forum}", new { visitorsReceived = 512 }, "application/merge-patch+json")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/deals/{b}")).StatusCode);

        const int expected = 18;
        Assert.True(
            await receiver.WaitForAsync(_ => receiver.Requests.Count >= expected, TimeSpan.FromSeconds(20)),
            $"{receiver.Requests.Count} of {expected} events arrived: {await Client.GetStringAsync($"/api/v1/webhooks/{Id(subscription)}/deliveries?limit=100")}");
        await Task.Delay(300);
        var messages = receiver.Requests.ToList();
        Assert.Equal(expected, messages.Count);
        Assert.All(messages, m => Assert.Equal("/hooks/dealpipeline", m.Path));
        Assert.All(messages, m => Assert.True(StandardWebhooks.Verify(secret, m), $"signature of {m.Headers["webhook-id"]}"));
        Assert.All(messages, m => Assert.InRange(long.Parse(m.Headers["webhook-timestamp"], CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        Assert.Equal(expected, messages.Select(m => m.Headers["webhook-id"]).Distinct().Count());

        var events = messages.Select(m => JsonNode.Parse(m.Text)!.AsObject()).ToList();
        string[] TypesOf(long deal) => [.. events.Where(e => e["data"]!["deal"]?["id"]?.GetValue<long>() == deal).Select(e => e["type"]!.GetValue<string>())];
        Assert.Equal(
            ["deal.created", "deal.stageChanged", "deal.updated", "deal.statusChanged", "deal.statusChanged", "activity.created", "deal.stageChanged", "milestone.recorded", "need.created", "need.decided"],
            TypesOf(a));
        Assert.Equal(["deal.created", "letter.created", "need.created", "attachment.created", "deal.stageChanged", "deal.deleted"], TypesOf(b));
        var reachedStep = events.Single(e => e["type"]!.GetValue<string>() == "milestone.recorded")["data"]!["milestone"]!;
        Assert.Equal(("landSupplied", Today), (reachedStep["step"]!.GetValue<string>(), reachedStep["on"]!.GetValue<string>()));
        var decidedNeed = events.Single(e => e["type"]!.GetValue<string>() == "need.decided")["data"]!["need"]!;
        Assert.Equal(("partlyApproved", 1000m), (decidedNeed["state"]!.GetValue<string>(), decidedNeed["approvedQuantity"]!.GetValue<decimal>()));
        Assert.Equal(["event.created", "event.updated"], events.Where(e => e["data"]!["event"] is not null).Select(e => e["type"]!.GetValue<string>()));

        var moved = events.First(e => e["type"]!.GetValue<string>() == "deal.stageChanged");
        Assert.Equal("contact", moved["data"]!["from"]!.GetValue<string>());
        Assert.Equal("negotiation", moved["data"]!["to"]!.GetValue<string>());
        Assert.Equal(Today, moved["data"]!["on"]!.GetValue<string>());
        Assert.Equal("bootstrap-admin", moved["data"]!["by"]!["actor"]!.GetValue<string>());
        var updated = events.First(e => e["type"]!.GetValue<string>() == "deal.updated");
        Assert.Equal(["expectedJobs"], updated["data"]!["changedFields"]!.AsArray().Select(n => n!.GetValue<string>()));
        var held = events.First(e => e["type"]!.GetValue<string>() == "deal.statusChanged");
        Assert.Equal(("active", "onHold"), (held["data"]!["from"]!.GetValue<string>(), held["data"]!["to"]!.GetValue<string>()));

        // The confidential deal: its code name, never its name, its company or the free text about it.
        var secretOnes = messages.Where((m, i) => TypesOf(b).Length > 0 && events[i]["data"]!["deal"]?["id"]?.GetValue<long>() == b).ToList();
        Assert.Equal(6, secretOnes.Count);
        Assert.All(secretOnes, m =>
        {
            Assert.Contains("鲲鹏项目", m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("某央企区域总部迁移", m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("杭州康源", m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("与某央企总部面谈", m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("某央企总部用地", m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("某央企总部合同", m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("companyId", m.Text, StringComparison.Ordinal);
        });

        // Every message is what the OpenAPI document's webhooks section says it is.
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;
        foreach (var message in events)
        {
            var type = message["type"]!.GetValue<string>();
            var schema = document["webhooks"]![type]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
            var problems = JsonSchemaCheck.Mismatches(document, schema, message, "$");
            Assert.True(problems.Count == 0, $"{type}: {string.Join("; ", problems)}");
        }

        var dealSchema = document["webhooks"]!["deal.created"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var drifted = new JsonObject { ["type"] = "deal.created", ["timestamp"] = "2026-01-01T00:00:00Z", ["data"] = new JsonObject { ["deal"] = 1, ["extra"] = true } };
        Assert.Equal(3, JsonSchemaCheck.Mismatches(document, dealSchema, drifted, "$").Count);

        var deliveries = await GetOk($"/api/v1/webhooks/{Id(subscription)}/deliveries?status=succeeded&limit=100");
        Assert.Equal(expected, deliveries["items"]!.AsArray().Count);
        Assert.All(deliveries["items"]!.AsArray(), d =>
        {
            Assert.Equal(1, d!["attempts"]!.GetValue<int>());
            Assert.Equal(200, d["history"]![0]!["statusCode"]!.GetValue<int>());
            Assert.True(d["history"]![0]!["durationMs"]!.GetValue<int>() >= 0);
        });
    }

    [DbFact]
    public async Task A_receiver_failing_for_a_while_then_recovering_gets_every_event_once_in_order()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        // The receiver fails for two seconds from the first delivery it gets (counted from it, not from the test's start,
        // so that a slow machine cannot deliver everything after the failing spell).
        long firstTicks = 0;
        DateTimeOffset FailUntil() => new DateTimeOffset(Interlocked.Read(ref firstTicks), TimeSpan.Zero).AddSeconds(2);
        receiver.Respond = r =>
        {
            Interlocked.CompareExchange(ref firstTicks, r.At.UtcTicks, 0);
            return r.At < FailUntil() ? 500 : 200;
        };
        var subscription = await PostOk("/api/v1/webhooks", new { url = receiver.Address.ToString(), events = CreatedAndMoved });
        var w = await CreateWorld();
        var deals = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var deal = Id(await Deal(w, name: $"项目{i}"));
            deals.Add(deal);
            await Move(deal, "negotiation");
            await Move(deal, "letters");
        }

        var ok = (LoopbackReceiver.Received r) => r.At >= FailUntil();
        Assert.True(await receiver.WaitForAsync(_ => receiver.Requests.Count(ok) >= 9, TimeSpan.FromSeconds(30)), "every event arrives once the receiver recovers");
        await Task.Delay(500);
        var answered = receiver.Requests.Where(ok).ToList();
        Assert.Equal(9, answered.Count);
        Assert.Equal(9, answered.Select(r => r.Headers["webhook-id"]).Distinct().Count());
        Assert.Contains(receiver.Requests, r => !ok(r));

        // In order per deal, also across the retries.
        foreach (var deal in deals)
        {
            var types = answered.Select(r => JsonNode.Parse(r.Text)!).Where(e => e["data"]!["deal"]!["id"]!.GetValue<long>() == deal)
                .Select(e => e["type"]!.GetValue<string>() + ":" + e["data"]!["to"]?.GetValue<string>()).ToList();
            Assert.Equal(["deal.created:", "deal.stageChanged:negotiation", "deal.stageChanged:letters"], types);
        }

        var deliveries = (await GetOk($"/api/v1/webhooks/{Id(subscription)}/deliveries?limit=100"))["items"]!.AsArray();
        Assert.All(deliveries, d => Assert.Equal("succeeded", d!["status"]!.GetValue<string>()));
        Assert.Contains(deliveries, d => d!["history"]!.AsArray().Any(h => h!["statusCode"]!.GetValue<int>() == 500 && !h["succeeded"]!.GetValue<bool>()));

        // Redelivery sends the same message again, with the same id.
        var first = deliveries[0]!;
        var again = await PostOk($"/api/v1/webhooks/{Id(subscription)}/deliveries/{Id(first)}/redeliver", new { }, HttpStatusCode.Accepted);
        Assert.Equal("pending", again["status"]!.GetValue<string>());
        var messageId = $"msg_{first["eventId"]!.GetValue<long>()}";
        Assert.True(await receiver.WaitForAsync(r => r.Headers["webhook-id"] == messageId && r != answered.First(x => x.Headers["webhook-id"] == messageId), TimeSpan.FromSeconds(10)));
    }

    [DbFact]
    public async Task Pausing_keeps_events_and_resuming_sends_them_and_a_rotated_secret_overlaps_the_old_one()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var subscription = await PostOk("/api/v1/webhooks", new { url = receiver.Address.ToString(), events = Created, paused = true });
        var oldSecret = subscription["secret"]!.GetValue<string>();
        var w = await CreateWorld();
        await Deal(w, name: "暂停期间的项目");
        await Task.Delay(800);
        Assert.Empty(receiver.Requests);

        var rotated = await PostOk($"/api/v1/webhooks/{Id(subscription)}/rotate-secret", new { overlapHours = 1 }, HttpStatusCode.OK);
        var newSecret = rotated["secret"]!.GetValue<string>();
        Assert.NotEqual(oldSecret, newSecret);
        Assert.NotNull(rotated["previousSecretExpiresAt"]);
        var resumed = await Send(HttpMethod.Patch, $"/api/v1/webhooks/{Id(subscription)}", new { paused = false }, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.True(await receiver.WaitForAsync(_ => true, TimeSpan.FromSeconds(10)), "the kept event is sent on resuming");
        var message = receiver.Requests.Single();
        Assert.Equal(2, message.Headers["webhook-signature"].Split(' ').Length);
        Assert.True(StandardWebhooks.Verify(newSecret, message));
        Assert.True(StandardWebhooks.Verify(oldSecret, message));
        Assert.False(StandardWebhooks.Verify("whsec_" + Convert.ToBase64String(new byte[32]), message));

        // Deleted: nothing more is sent.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/webhooks/{Id(subscription)}")).StatusCode);
        await Deal(w, name: "删除之后的项目");
        await Task.Delay(800);
        Assert.Single(receiver.Requests);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/webhooks/{Id(subscription)}")).StatusCode);
    }

    [DbFact]
    public async Task Only_admins_manage_webhooks_and_bad_subscriptions_are_refused_and_change_nothing()
    {
        var before = await Snapshot();
        foreach (var role in new[] { "manager", "officer", "analyst" })
        {
            var (_, key) = await UserWithKey("用户" + role, role);
            using var client = Factory.ClientWithKey(key);
            Assert.Equal(HttpStatusCode.Forbidden, (await Send(client, HttpMethod.Post, "/api/v1/webhooks", new { url = "https://example.com/h", events = Created })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/webhooks")).StatusCode);
        }

        before = await Snapshot();
        await AssertProblem(await Post("/api/v1/webhooks", new { url = "https://example.com/h", events = Exploded }), HttpStatusCode.BadRequest, "events[0]");
        await AssertProblem(await Post("/api/v1/webhooks", new { url = "https://example.com/h", events = Array.Empty<string>() }), HttpStatusCode.BadRequest, "events");
        await AssertProblem(await Post("/api/v1/webhooks", new { url = "ftp://example.com/h", events = Created }), HttpStatusCode.BadRequest, "url");
        await AssertProblem(await Post("/api/v1/webhooks", new { url = "https://user:pw@example.com/h", events = Created }), HttpStatusCode.BadRequest, "url");
        Assert.Equal(before, await Snapshot());
    }

    private static class StandardWebhooks
    {
        /// <summary>The test's own verifier, written from the specification, not from the service's code.</summary>
        public static bool Verify(string secret, LoopbackReceiver.Received message)
        {
            var key = Convert.FromBase64String(secret.Replace("whsec_", "", StringComparison.Ordinal));
            var signed = $"{message.Headers["webhook-id"]}.{message.Headers["webhook-timestamp"]}.{message.Text}";
            using var hmac = new HMACSHA256(key);
            var expected = "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(signed)));
            return message.Headers["webhook-signature"].Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
        }
    }
}

public sealed class SqliteWebhookTests : WebhookTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqlServerWebhookTests : WebhookTests, IRunsOnSqlServer
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class PostgresWebhookTests : WebhookTests, IRunsOnPostgres
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Where webhooks may not go, without an allowlist; and the signature's published test vector.</summary>
public sealed class WebhookDestinationTests : ApiTest
{
    private static readonly string[] Created = WebhookTests.Created;

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://172.20.1.1/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://100.100.100.200/latest/meta-data")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://[fd00:ec2::254]/hook")]
    [InlineData("https://224.0.0.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("http://93.184.215.14/hook")]
    public async Task An_address_that_must_not_be_called_is_refused(string url)
    {
        var before = await Snapshot();
        await AssertProblem(await Post("/api/v1/webhooks", new { url, events = Created }), HttpStatusCode.BadRequest, "url");
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task A_host_the_resolver_refuses_outright_is_a_400_not_a_500()
    {
        var host = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".example.com";
        await AssertProblem(await Post("/api/v1/webhooks", new { url = $"https://{host}/hook", events = Created }), HttpStatusCode.BadRequest, "url");
    }

    [Fact]
    public async Task A_public_https_address_is_accepted()
    {
        var created = await PostOk("/api/v1/webhooks", new { url = "https://93.184.215.14/hook", events = Created });
        Assert.Equal("https://93.184.215.14/hook", created["url"]!.GetValue<string>());
    }

    [Fact]
    public void Checked_again_on_the_addresses_a_name_resolves_to_at_delivery_time()
    {
        var destinations = new WebhookDestinations(Microsoft.Extensions.Options.Options.Create(new WebhookOptions()));
        var url = new Uri("https://receiver.example.com/hook");
        Assert.Null(destinations.Refusal(url, [IPAddress.Parse("93.184.215.14")]));
        Assert.NotNull(destinations.Refusal(url, [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("10.1.2.3")]));
        Assert.NotNull(destinations.Refusal(url, [IPAddress.Parse("169.254.169.254")]));
        Assert.NotNull(destinations.Refusal(url, []));
        var allowing = new WebhookDestinations(Microsoft.Extensions.Options.Options.Create(new WebhookOptions { AllowedNetworks = ["10.1.0.0/16", "oa.zone.gov.cn"] }));
        Assert.Null(allowing.Refusal(new Uri("http://receiver.example.com/hook"), [IPAddress.Parse("10.1.2.3")]));
        Assert.Null(allowing.Refusal(new Uri("http://oa.zone.gov.cn/hook"), [IPAddress.Parse("192.168.5.5")]));
        Assert.NotNull(allowing.Refusal(new Uri("http://receiver.example.com/hook"), [IPAddress.Parse("10.2.0.1")]));
    }

    [Fact]
    public void Signatures_match_the_standard_webhooks_published_test_vector()
    {
        // From the Standard Webhooks specification's reference libraries.
        Assert.Equal(
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""));
    }
}

/// <summary>The real service as a process, killed with SIGKILL after committing events it could not deliver yet.</summary>
public sealed class WebhookCrashTests : IDisposable
{
    private readonly TempFolder _folder = new("webhook-crash");

    [Fact]
    public async Task Events_committed_before_a_kill_are_delivered_after_the_restart_each_once()
    {
        var file = _folder.File("crash.db");
        var settings = new Dictionary<string, string>
        {
            ["Webhooks:AllowedNetworks:0"] = "127.0.0.1/32",
            ["Webhooks:RetryBaseSeconds"] = "0.1",
            ["Webhooks:PollMilliseconds"] = "100",
        };

        // The receiver is down while the service commits: its events wait in the outbox.
        int port;
        await using (var probe = await LoopbackReceiver.StartAsync())
        {
            port = probe.Address.Port;
        }

        var receiverUrl = $"http://127.0.0.1:{port}/hook";
        var service = await ServiceProcess.StartAsync(file, settings);
        var messages = 0;
        try
        {
            using var admin = service.Client();
            var subscribed = await admin.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = receiverUrl, events = WebhookEventTypes.All });
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
            var deal = await service.NewDealBodyAsync("崩溃前提交的项目");
            for (var i = 0; i < 3; i++)
            {
                var id = await service.CreateAsync("/api/v1/deals", deal);
                var moved = await admin.PostAsJsonAsync(new Uri($"/api/v1/deals/{id}/transitions", UriKind.Relative), new { to = "negotiation" });
                Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
                messages += 2;
            }
        }
        finally
        {
            service.Kill();
            service.Dispose();
        }

        await using var receiver = await LoopbackReceiver.StartAsync(port);
        using var restarted = await ServiceProcess.StartAsync(file, settings);
        Assert.True(await receiver.WaitForAsync(_ => receiver.Requests.Count >= messages, TimeSpan.FromSeconds(60)), $"{receiver.Requests.Count} of {messages} events arrived after the restart");
        await Task.Delay(1000);
        Assert.Equal(messages, receiver.Requests.Count);
        Assert.Equal(messages, receiver.Requests.Select(r => r.Headers["webhook-id"]).Distinct().Count());
    }

    public void Dispose() => _folder.Dispose();
}
