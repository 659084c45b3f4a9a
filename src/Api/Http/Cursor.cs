using System.Buffers.Text;
using System.Text;

namespace DealPipeline.Api.Http;

/// <summary>
/// An opaque keyset cursor: the sort it belongs to and the sort value and id of the last item
/// returned. The next page starts strictly after that (value, id), so pages never repeat or
/// skip an item, whatever is inserted meanwhile.
/// </summary>
public sealed record Cursor(string Sort, string? Value, long Id)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>A cursor that stopped at a date (lists ordered by a business date).</summary>
    public static Cursor AtDay(string sort, DateOnly day, long id) => new(sort, day.DayNumber.ToString(CultureInfo.InvariantCulture), id);

    /// <summary>The date an <see cref="AtDay"/> cursor stopped at; anything else is a 400.</summary>
    public DateOnly Day =>
        int.TryParse(Value, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber(day)
            : throw ProblemException.Invalid("cursor", ProblemTexts.CursorNotOneAPIReturned);

    internal byte[] ToWire() => JsonSerializer.SerializeToUtf8Bytes(new Wire(Sort, Value, Id));

    internal static Cursor? FromWire(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<Wire>(bytes) is { S: not null } wire ? new Cursor(wire.S, wire.V, wire.I) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Wire(string? S, string? V, long I);
}

/// <summary>
/// A page of a list: its items, the cursor to the next page (null on the last), and the next
/// page's full URL, which generic REST clients and Power Query follow as it is (also sent as
/// <c>Link: &lt;…&gt;; rel="next"</c>).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public string? Next { get; init; }

    /// <summary>The same page with its items mapped to another shape.</summary>
    public Page<TOut> Select<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), NextCursor) { Next = Next };
}

public static class Paging
{
    public static Message LimitMessage => ProblemTexts.LimitBetween1Max.With(("max", Cursor.MaxLimit));
}

/// <summary>
/// Cursors as clients see them: sealed with AES-GCM under a key the service keeps in its database
/// (shared by its instances), so they reveal nothing (not even the id of a confidential deal a
/// page stopped at) and cannot be forged. Each is bound to the caller and to the query it came
/// from (path and every parameter but <c>cursor</c> and <c>limit</c>): a cursor used by another
/// caller or with other filters or another sort is a 400.
/// </summary>
public sealed class Cursors(CursorKey key, IHttpContextAccessor http)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>Given up to limit+1 rows, the page and the sealed cursor to the rest.</summary>
    public Page<T> Page<T>(IReadOnlyList<T> rows, int limit, Func<T, Cursor> cursorOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cursorOf);
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        var items = rows.Take(limit).ToList();
        var next = Seal(cursorOf(items[^1]));
        return new Page<T>(items, next) { Next = NextLink("cursor", next) };
    }

    /// <summary>
    /// The URL of the next page: this request's URL with <paramref name="parameter"/> set to
    /// <paramref name="value"/> (and any of <paramref name="replaces"/> left out); also answered as
    /// a <c>Link</c> header with rel="next".
    /// </summary>
    public string? NextLink(string parameter, string value, params string[] replaces)
    {
        if (http.HttpContext is not { } context)
        {
            return null;
        }

        var request = context.Request;
        var query = QueryString.Create(request.Query
            .Where(p => !string.Equals(p.Key, parameter, StringComparison.OrdinalIgnoreCase) && !replaces.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>(parameter, value)));
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{query}";
        context.Response.Headers.Link = $"<{url}>; rel=\"next\"";
        return url;
    }

    /// <summary>Reads a cursor given back by the client; a tampered one, another caller's, or one from another query or sort is a 400.</summary>
    public Cursor? Read(string? text, string sort)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var cursor = text.Length <= 2048 ? Open(text) : null;
        if (cursor is null)
        {
            throw ProblemException.Invalid("cursor", ProblemTexts.CursorNotOneAPIGaveYou);
        }

        if (!string.Equals(cursor.Sort, sort, StringComparison.Ordinal))
        {
            throw ProblemException.Invalid("cursor", ProblemTexts.CursorBelongsAnotherSortOrderStart);
        }

        return cursor;
    }

    private string Seal(Cursor cursor)
    {
        var plain = cursor.ToWire();
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        System.Security.Cryptography.RandomNumberGenerator.Fill(nonce);
        using var aes = new System.Security.Cryptography.AesGcm(key.Value, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Context());
        return Base64Url.EncodeToString(sealedBytes);
    }

    private Cursor? Open(string text)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length <= NonceBytes + TagBytes)
        {
            return null;
        }

        var plain = new byte[bytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new System.Security.Cryptography.AesGcm(key.Value, TagBytes);
            aes.Decrypt(bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes, plain.Length), bytes.AsSpan(NonceBytes + plain.Length), plain, Context());
        }
        catch (System.Security.Cryptography.AuthenticationTagMismatchException)
        {
            return null;
        }

        return Cursor.FromWire(plain);
    }

    /// <summary>What a cursor is bound to: the caller, the path, and the query's parameters other than cursor and limit, in a canonical order.</summary>
    private byte[] Context()
    {
        var context = http.HttpContext;
        var caller = context?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? context?.User.Identity?.Name ?? "";
        var query = context?.Request.Query
            .Where(p => !string.Equals(p.Key, "cursor", StringComparison.OrdinalIgnoreCase) && !string.Equals(p.Key, "limit", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + string.Join(",", p.Value.ToArray()));
        return Encoding.UTF8.GetBytes(caller + "\n" + context?.Request.Path.Value + "\n" + string.Join("&", query ?? []));
    }
}

/// <summary>The key that seals cursors: made once, kept in the database (service_secrets) so that every instance shares it.</summary>
public sealed class CursorKey(DealPipeline.Infrastructure.Database database, DealPipeline.Infrastructure.IClock clock)
{
    private const string Name = "cursor-key";
    private byte[]? _value;

    public byte[] Value => _value ?? throw new InvalidOperationException("The cursor key is loaded at start-up.");

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var session = new DealPipeline.Infrastructure.DbSession(database);
        _value = await session.QuerySingleOrDefaultAsync<byte[]>("SELECT value FROM service_secrets WHERE name = @Name", new { Name }, cancellationToken);
        if (_value is not null)
        {
            return;
        }

        var made = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        try
        {
            await database.WriteAsync(
                (s, ct) => s.ExecuteAsync("INSERT INTO service_secrets (name, value, created_at) VALUES (@Name, @made, @at)", new { Name, made, at = clock.UtcNow }, ct),
                cancellationToken);
            _value = made;
        }
        catch (Exception e) when (database.Dialect.IsUniqueViolation(e))
        {
            // Another instance made it first: use theirs.
            _value = await session.QuerySingleAsync<byte[]>("SELECT value FROM service_secrets WHERE name = @Name", new { Name }, cancellationToken);
        }
    }
}
