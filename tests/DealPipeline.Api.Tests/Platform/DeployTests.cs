using System.Net.Http.Json;

namespace DealPipeline.Api.Tests;

/// <summary>
/// deploy/nginx/dealpipeline.conf in front of the real service, as README's "Operating it" sets it
/// up: clients see https in the OpenAPI servers and in Location, plain http is redirected, the rate
/// limiter tells clients apart by their own address (not nginx's, and not one they claim), and
/// nginx's own refusals are problem+json.
/// </summary>
public sealed class DeployTests : IDisposable
{
    private static readonly IPAddress ClientA = IPAddress.Parse("127.0.0.5");
    private static readonly IPAddress ClientB = IPAddress.Parse("127.0.0.6");

    private readonly TempFolder _folder = new("deploy");

    [NginxFact]
    public async Task Behind_the_shipped_nginx_site_links_are_https_and_the_rate_limiter_sees_each_clients_own_address()
    {
        using var service = await ServiceProcess.StartAsync(_folder.File("deploy.db"), new Dictionary<string, string>
        {
            ["RateLimit:UnknownKeyPermitsPerSecond"] = "1",
            ["RateLimit:UnknownKeyBurst"] = "3",
        });
        using var nginx = await Nginx.StartAsync(Repository.File("deploy", "nginx", "dealpipeline.conf"), service.Address);
        var origin = $"https://localhost:{nginx.HttpsPort}";

        using var admin = nginx.Client(ClientA, ApiFactory.BootstrapAdminKey);
        var document = await admin.GetFromJsonAsync<JsonObject>(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(origin, document!["servers"]![0]!["url"]!.GetValue<string>().TrimEnd('/'));

        var created = await admin.PostAsJsonAsync(new Uri("/api/v1/parks", UriKind.Relative), new { name = "代理后园区", city = "杭州" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // Location is a reference (RFC 9110 §10.2.2): resolved against the request, it names the https resource.
        var location = new Uri(new Uri(origin + "/api/v1/parks"), created.Headers.Location!);
        Assert.StartsWith(origin + "/api/v1/parks/", location.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(location)).StatusCode);

        // Plain http only redirects to https.
        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var redirect = await plain.GetAsync(new Uri($"http://localhost:{nginx.HttpPort}/api/v1/deals"));
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.StartsWith("https://localhost", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Client A spends its address's budget with made-up keys; claiming another address does not help it.
        using var guesserA = nginx.Client(ClientA, "made-up-key-aaaaaaaaaaaaaaaaaaaaa");
        var answersA = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answersA.Add((await guesserA.GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, answersA);
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/deals", UriKind.Relative));
        spoofed.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesserA.SendAsync(spoofed)).StatusCode);

        // Client B, from its own address, still has its budget: nginx's address is not what is counted.
        using var guesserB = nginx.Client(ClientB, "made-up-key-bbbbbbbbbbbbbbbbbbbbb");
        Assert.Equal(HttpStatusCode.Unauthorized, (await guesserB.GetAsync(new Uri("/api/v1/deals", UriKind.Relative))).StatusCode);

        // A body over the limit is refused at nginx, as problem+json.
        using var big = new StringContent("{\"name\":\"" + new string('x', 1_100_000) + "\"}", System.Text.Encoding.UTF8, "application/json");
        var tooLarge = await admin.PostAsync(new Uri("/api/v1/parks", UriKind.Relative), big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType!.MediaType);
        Assert.Equal(413, (await tooLarge.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<int>());

        // The service stopped: nginx answers 503 problem+json with Retry-After.
        Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(30)));
        var down = await admin.GetAsync(new Uri("/api/v1/deals", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(down.Headers.RetryAfter);
    }

    public void Dispose() => _folder.Dispose();
}
