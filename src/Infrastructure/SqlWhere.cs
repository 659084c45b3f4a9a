namespace DealPipeline.Infrastructure;

/// <summary>
/// A WHERE clause made of the conditions that apply: an optional filter adds its condition only when
/// the caller gave it, instead of the catch-all <c>(@x IS NULL OR col = @x)</c>, which SQL Server
/// compiles into one plan for every combination and so plans badly for all of them.
/// </summary>
public sealed class SqlWhere
{
    private readonly List<string> _conditions = [];

    public SqlWhere(params string[] always) => _conditions.AddRange(always);

    /// <summary>Adds <paramref name="condition"/> when <paramref name="applies"/>.</summary>
    public SqlWhere When(bool applies, string condition)
    {
        if (applies)
        {
            _conditions.Add(condition);
        }

        return this;
    }

    /// <summary>The conditions joined with AND; 1 = 1 when there is none.</summary>
    public override string ToString() => _conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", _conditions);
}
