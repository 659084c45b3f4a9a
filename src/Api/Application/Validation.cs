using DealPipeline.Api.Http;

namespace DealPipeline.Api.Application;

/// <summary>Rules that many requests share.</summary>
public static class Validation
{
    public const int MaxNameLength = 200;
    public const int MaxCityLength = 100;
    public const int MaxTextLength = 1000;

    public static void UseCamelCaseNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
    }

    public static IRuleBuilderOptions<T, string?> RequiredName<T>(this IRuleBuilder<T, string?> rule, int max = MaxNameLength) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("'{PropertyName}' is required.")
            .MaximumLength(max);

    public static IRuleBuilderOptions<T, decimal?> Amount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(v => v is null || Money.IsValidAmount(v.Value))
            .WithMessage($"'{{PropertyName}}' is an amount from 0 to {Money.MaxAmount.ToString("0", CultureInfo.InvariantCulture)} with at most two decimals.");

    public static IRuleBuilderOptions<T, DateOnly?> BusinessDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(v => v is null || BusinessDates.Contains(v.Value))
            .WithMessage("'{PropertyName}': " + BusinessDates.OutOfRange);

    /// <summary>
    /// A date of the query string (YYYY-MM-DD, a business date), when given: a list binds the text and is checked here, in
    /// the pipeline, because the framework would parse a date in the server's culture; the handler reads it with
    /// <see cref="QueryValues.Date"/>.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Day<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || QueryValues.TryDate(v, out _)).WithMessage("'{PropertyName}' is a date written YYYY-MM-DD.")
            .Must(v => !QueryValues.TryDate(v, out var day) || day is null || BusinessDates.Contains(day.Value)).WithMessage("'{PropertyName}': " + BusinessDates.OutOfRange);

    public static IRuleBuilderOptions<T, DateOnly?> NotInFuture<T>(this IRuleBuilder<T, DateOnly?> rule, Func<DateOnly> today) =>
        rule.Must(v => v is null || v.Value <= today())
            .WithMessage("'{PropertyName}' cannot be in the future (dates are China Standard Time).");

    public static IRuleBuilderOptions<T, int> Limit<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, Cursor.MaxLimit).WithMessage(Paging.LimitMessage);

    public static IRuleBuilderOptions<T, string?> OneOf<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.Must(v => v is null || Names.TryParse<TEnum>(v, out _))
            .WithMessage($"'{{PropertyName}}' is one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(Names.Of))}.");

    /// <summary>The end of a half-open update window (updatedBefore) comes after its start (updatedSince).</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> AfterSince<T>(this IRuleBuilder<T, DateTimeOffset?> rule, Func<T, DateTimeOffset?> since) =>
        rule.Must((request, before) => before is null || since(request) is not { } start || before > start)
            .WithMessage("'updatedBefore' is later than updatedSince.");

    /// <summary>A GB/T 2260 code of the table the project ships (<see cref="Regions"/>), when given.</summary>
    public static IRuleBuilderOptions<T, string?> RegionCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code is null || Regions.Contains(code.Trim()))
            .WithMessage("'regionCode' is a six-digit GB/T 2260 code of a province, city or county, e.g. 330106.");

    /// <summary>A list of ids (of parks, companies, sectors …), when given: each positive, at most <paramref name="max"/> of them.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<long>?> Ids<T>(this IRuleBuilder<T, IReadOnlyList<long>?> rule, int max) =>
        rule.Must(v => v is null || (v.Count <= max && v.All(id => id > 0)))
            .WithMessage($"'{{PropertyName}}' is a list of at most {max.ToString(CultureInfo.InvariantCulture)} positive ids.");

    public static IRuleBuilderOptions<T, long?> Id<T>(this IRuleBuilder<T, long?> rule) =>
        rule.Must(v => v is null or > 0).WithMessage("'{PropertyName}' is a positive id.");
}
