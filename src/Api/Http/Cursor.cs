using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DealPipeline.Api.Application;

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
            : throw ProblemException.Invalid("cursor", "The cursor is not one this API returned.");

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Wire(Sort, Value, Id)));

    /// <summary>Reads a cursor given back by a client; any tampering or a cursor of another sort is a 400.</summary>
    public static Cursor? Decode(string? text, string sort)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        Wire? wire = null;
        try
        {
            if (text.Length <= 2048)
            {
                wire = JsonSerializer.Deserialize<Wire>(Base64Url.DecodeFromChars(text));
            }
        }
        catch (FormatException)
        {
        }
        catch (JsonException)
        {
        }

        if (wire?.S is null)
        {
            throw ProblemException.Invalid("cursor", "The cursor is not one this API returned.");
        }

        if (!string.Equals(wire.S, sort, StringComparison.Ordinal))
        {
            throw ProblemException.Invalid("cursor", "The cursor belongs to another sort order; start again without a cursor.");
        }

        return new Cursor(wire.S, wire.V, wire.I);
    }

    private sealed record Wire(string? S, string? V, long I);
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Paging
{
    public static string LimitMessage => $"limit is between 1 and {Cursor.MaxLimit}.";

    /// <summary>Given up to limit+1 rows, the page and the cursor to the rest.</summary>
    public static Page<T> Of<T>(IReadOnlyList<T> rows, int limit, Func<T, Cursor> cursorOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cursorOf);
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        var items = rows.Take(limit).ToList();
        return new Page<T>(items, cursorOf(items[^1]).Encode());
    }
}
