using System.Net.Http.Json;

namespace DealPipeline.Api.Tests;

/// <summary>Behind a reverse proxy on the same machine (trusted by default), links use the client's scheme and host and the rate limiter sees the client's address.</summary>
public sealed class ProxyTests : IDisposable
{
    private readonly TempFolder _folder = new("proxy");

    [Fact]
    public async Task Forwarded_scheme_host_and_address_from_a_trusted_proxy_shape_links_and_limits()
    {
        using var service = await ServiceProcess.StartAsync(_folder.File("proxy.db"), new Dictionary<string, string>
        {
            ["RateLimit:UnknownKeyBurst"] = "3",
            ["RateLimit:UnknownKeyPermitsPerSecond"] = "1",
        });
        using var admin = service.Client();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/parks", new { name = "园区" + i, city = "北京" })).StatusCode);
        }

        HttpRequestMessage Forwarded(string path, string clientAddress, string? key = ApiFactory.BootstrapAdminKey)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "zhaoshang.example.gov.cn");
            request.Headers.Add("X-Forwarded-For", clientAddress);
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }

            return request;
        }

        using var plain = new HttpClient { BaseAddress = service.Address };
        var page = await (await plain.SendAsync(Forwarded("/api/v1/parks?limit=2", "203.0.113.7"))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.StartsWith("https://zhaoshang.example.gov.cn/api/v1/parks?", page!["next"]!.GetValue<string>(), StringComparison.Ordinal);
        var document = await (await plain.SendAsync(Forwarded("/openapi/v1.json", "203.0.113.7"))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("https://zhaoshang.example.gov.cn", document!["servers"]![0]!["url"]!.GetValue<string>());

        // Made-up keys spend the budget of the client's address, not the proxy's: another client is unaffected.
        var flooded = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            flooded.Add((await plain.SendAsync(Forwarded("/api/v1/parks", "203.0.113.7", "made-up-" + i))).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, flooded);
        Assert.Equal(HttpStatusCode.Unauthorized, (await plain.SendAsync(Forwarded("/api/v1/parks", "198.51.100.9", "made-up-other"))).StatusCode);
    }

    public void Dispose() => _folder.Dispose();
}
