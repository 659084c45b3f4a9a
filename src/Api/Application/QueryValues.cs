namespace DealPipeline.Api.Application;

/// <summary>
/// Strict parsing of query-string values that the framework would parse too leniently
/// (enums by number or in any case, dates in the server's culture).
/// </summary>
public static class QueryValues
{
    public static TEnum Enum<TEnum>(string? text, TEnum fallback, string field)
        where TEnum : struct, Enum
    {
        if (text is null)
        {
            return fallback;
        }

        return Names.TryParse<TEnum>(text, out var value)
            ? value
            : throw ProblemException.Invalid(field, ProblemTexts.FieldOneValues.With(("field", field), ("values", string.Join(", ", System.Enum.GetValues<TEnum>().Select(Names.Of)))));
    }

    /// <summary>True when <paramref name="text"/> is absent or a date written YYYY-MM-DD (whatever its range).</summary>
    public static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }

    public static DateOnly? Date(string? text, string field)
    {
        if (!TryDate(text, out var date))
        {
            throw ProblemException.Invalid(field, ProblemTexts.FieldDateWrittenYYYYMMDD.With(("field", field)));
        }

        return date is null || BusinessDates.Contains(date.Value) ? date : throw ProblemException.Invalid(field, BusinessDates.OutOfRange.And("field", field));
    }
}
