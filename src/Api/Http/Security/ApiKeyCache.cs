using System.Collections.Concurrent;

namespace DealPipeline.Api.Http.Security;

/// <summary>
/// The keys this instance has recently seen valid, by hash, so that a request is authenticated
/// without a database read. An entry lives <see cref="AuthOptions.KeyCacheSeconds"/>: a key revoked
/// here is forgotten at once (<see cref="Forget"/>), one revoked by another instance within that
/// time. Only valid keys are kept, and at most <see cref="MaxEntries"/>; unknown keys are never
/// cached, they are limited by client address before any look-up (<see cref="RateLimits"/>).
/// </summary>
public sealed class ApiKeyCache(IOptions<AuthOptions> options, IClock clock)
{
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private readonly string? _bootstrapHash = options.Value.BootstrapAdminKey is { Length: > 0 } bootstrap ? ApiKeys.Hash(bootstrap) : null;

    public sealed record Caller(long KeyId, long UserId, string Name, string Role, long? TeamId, DateTimeOffset? LastUsedAt);

    private sealed record Entry(Caller Caller, DateTimeOffset Expires);

    public bool TryGet(string hash, out Caller caller)
    {
        if (_entries.TryGetValue(hash, out var entry) && entry.Expires > clock.UtcNow)
        {
            caller = entry.Caller;
            return true;
        }

        caller = null!;
        return false;
    }

    /// <summary>True for the bootstrap admin key, and for a key valid at its last look-up here that has not expired from the cache.</summary>
    public bool IsKnown(string hash) => string.Equals(hash, _bootstrapHash, StringComparison.Ordinal) || TryGet(hash, out _);

    public void Remember(string hash, Caller caller)
    {
        var seconds = options.Value.KeyCacheSeconds;
        if (seconds == 0)
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[hash] = new Entry(caller, clock.UtcNow.AddSeconds(seconds));
    }

    /// <summary>Forgets every key: after a revocation or a change of a user's role or team, the next request reads the database.</summary>
    public void Forget() => _entries.Clear();
}
