using System.Net;
using System.Net.Sockets;

namespace DealPipeline.Api.Features.Webhooks;

/// <summary>
/// Where a webhook may be sent (against server-side request forgery): https only; never to an
/// address that is loopback, private, shared (CGNAT, where Alibaba Cloud's metadata service
/// lives), link-local (169.254.169.254, the metadata service of most clouds), multicast,
/// reserved or a transition form that embeds one — unless the operator's allowlist
/// (<see cref="WebhookOptions.AllowedNetworks"/>) names the network or the host, which may then
/// also use plain http. Checked when a subscription is made and again on every connection, on the
/// addresses the name resolves to at that moment, connecting only to an address that passed (so
/// a name re-pointed at an internal address after the check, DNS rebinding, gains nothing).
/// </summary>
public sealed class WebhookDestinations(IOptions<WebhookOptions> options)
{
    private static readonly IPNetwork[] NotPublic =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:db8::/32", "2002::/16",
            "fc00::/7", "fe80::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    private readonly IPNetwork[] _allowedNetworks = [.. options.Value.AllowedNetworks.Where(e => IPNetwork.TryParse(e, out _)).Select(IPNetwork.Parse)];

    private readonly HashSet<string> _allowedHosts = new(
        options.Value.AllowedNetworks.Where(e => !IPNetwork.TryParse(e, out _)).Select(e => e.TrimEnd('.')),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="url"/> cannot be a webhook's address, from its text alone; null when it may be.</summary>
    public Message? RefusalOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return ProblemTexts.UrlAbsoluteHttpsURL;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return ProblemTexts.UrlHttpsURL;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return ProblemTexts.UrlMayNotCarryUserName;
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return ProblemTexts.UrlHasNoFragment;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsAllowlistedHost(uri.IdnHost) && !(IPAddress.TryParse(uri.IdnHost, out var literal) && IsInAllowedNetwork(literal)))
        {
            return ProblemTexts.UrlMustUseHttpsPlainHttp;
        }

        return null;
    }

    /// <summary>Resolves the URL's host now and answers why it may not be called, or null when every address it resolves to may be.</summary>
    public async Task<Message?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            var addresses = await ResolveAsync(url.IdnHost, cancellationToken);
            return Refusal(url, addresses);
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            // ArgumentException: a name the resolver refuses outright (too long, a label over 63 characters).
            return ProblemTexts.HostHostDoesNotResolve.With(("host", url.IdnHost));
        }
    }

    /// <summary>Why these resolved addresses may not be called for <paramref name="url"/>; null when all of them may.</summary>
    public Message? Refusal(Uri url, IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0)
        {
            return ProblemTexts.HostHostDoesNotResolve.With(("host", url.IdnHost));
        }

        if (IsAllowlistedHost(url.IdnHost))
        {
            return null;
        }

        foreach (var address in addresses)
        {
            if (IsInAllowedNetwork(address))
            {
                continue;
            }

            if (url.Scheme != Uri.UriSchemeHttps)
            {
                return ProblemTexts.UrlMustUseHttpsPlainHttp;
            }

            if (!IsPublic(address))
            {
                return ProblemTexts.HostHostResolvesAddressLoopbackPrivate.With(("host", url.IdnHost), ("address", address));
            }
        }

        return null;
    }

    /// <summary>Opens a connection for the delivery client: resolves, checks every address, connects to one that passed.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = context.InitialRequestMessage.RequestUri!;
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        if (Refusal(url, addresses) is { } refusal)
        {
            throw new WebhookRefusedException(refusal.English);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses.ToArray(), context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        return !NotPublic.Any(n => n.Contains(address));
    }

    private static async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);

    private bool IsAllowlistedHost(string host) => _allowedHosts.Contains(host.TrimEnd('.'));

    private bool IsInAllowedNetwork(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _allowedNetworks.Any(n => n.Contains(plain));
    }
}

/// <summary>A delivery refused because its address is not allowed (any more).</summary>
public sealed class WebhookRefusedException : Exception
{
    public WebhookRefusedException()
        : base("The webhook's address is not allowed.")
    {
    }

    public WebhookRefusedException(string message)
        : base(message)
    {
    }

    public WebhookRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
