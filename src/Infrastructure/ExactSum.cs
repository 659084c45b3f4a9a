namespace DealPipeline.Infrastructure;

/// <summary>
/// A SUM of money columns that cannot overflow. SQLite and SQL Server sum BIGINT in 64 bits and fail on
/// overflow (about 9,200 deals at the old maximum amount broke every report; PostgreSQL widens to numeric,
/// but the SQL is the same for all three), so a column is summed as two halves, its value divided by 10^7
/// and its remainder; a deal's halves are at most 10^8 and below 10^7 (amounts are at most 10^15 fen), so
/// neither sum can overflow before about 9×10^10 rows. The halves are put together in decimal.
/// </summary>
public static class ExactSum
{
    /// <summary>Where an amount is split: value / Split and value % Split.</summary>
    public const long Split = 10_000_000;

    /// <summary>The two SUM columns <c>{alias}_hi</c> and <c>{alias}_lo</c> of a non-negative BIGINT expression.</summary>
    public static string Of(string expression, string alias) =>
        $"SUM(({expression}) / {Split}) AS {alias}_hi, SUM(({expression}) % {Split}) AS {alias}_lo";

    public static decimal Combine(long high, long low) => (high * (decimal)Split) + low;
}
