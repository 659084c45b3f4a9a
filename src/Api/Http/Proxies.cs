using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DealPipeline.Api.Http;

/// <summary>
/// The <c>ForwardedHeaders</c> configuration section: the reverse proxies whose
/// <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> headers are believed. Behind them the
/// service sees the client's address (for the per-address rate limit) and builds <c>Location</c>,
/// <c>next</c> links and the OpenAPI document's <c>servers</c> with the scheme and host the client
/// used. Loopback is trusted by default (a proxy on the same machine); anything else only when listed.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. 10.20.0.5.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. 10.20.0.0/24.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public static bool IsAddress(string text) => IPAddress.TryParse(text, out _);

    public static bool IsNetwork(string text) => System.Net.IPNetwork.TryParse(text, out _);
}

public sealed class ConfigureForwardedHeaders(IOptions<ProxyOptions> proxies) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        foreach (var proxy in proxies.Value.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in proxies.Value.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
