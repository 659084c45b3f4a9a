using FluentValidation.Results;

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

    /// <summary>
    /// The failure says <paramref name="message"/>: in English as FluentValidation's message, and as the failure's state, so
    /// that the answer says it in the caller's language (<see cref="ProblemHandler"/>). <c>{field}</c> is the property's name.
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Message message) =>
        rule.WithMessage(message.English.Replace("{field}", "{PropertyName}", StringComparison.Ordinal)).WithState(_ => message);

    /// <summary>As <see cref="WithMessage{T, TProperty}(IRuleBuilderOptions{T, TProperty}, Message)"/>, with values of the request.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<T, Message> message) =>
        rule.WithMessage(x => message(x).English.Replace("{field}", "{PropertyName}", StringComparison.Ordinal)).WithState(x => message(x));

    /// <summary>As <see cref="WithMessage{T, TProperty}(IRuleBuilderOptions{T, TProperty}, Message)"/>, with values of the request and the property (an item of a list).</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<T, TProperty, Message> message) =>
        rule.WithMessage((x, v) => message(x, v).English.Replace("{field}", "{PropertyName}", StringComparison.Ordinal)).WithState((x, v) => message(x, v));

    /// <summary>A failure collected by hand (a custom rule) that says <paramref name="message"/>.</summary>
    public static ValidationFailure Failure(string property, Message message) =>
        new(property, message.English) { CustomState = message };

    public static IRuleBuilderOptions<T, string?> RequiredName<T>(this IRuleBuilder<T, string?> rule, int max = MaxNameLength) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(ProblemTexts.FieldRequired)
            .MaximumLength(max);

    public static IRuleBuilderOptions<T, decimal?> Amount<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.Must(v => v is null || Money.IsValidAmount(v.Value))
            .WithMessage(ProblemTexts.FieldAmountFrom0MaxMost.With(("max", Money.MaxAmount.ToString("0", CultureInfo.InvariantCulture))));

    public static IRuleBuilderOptions<T, DateOnly?> BusinessDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(v => v is null || BusinessDates.Contains(v.Value))
            .WithMessage(BusinessDates.OutOfRange);

    /// <summary>
    /// A date of the query string (YYYY-MM-DD, a business date), when given: a list binds the text and is checked here, in
    /// the pipeline, because the framework would parse a date in the server's culture; the handler reads it with
    /// <see cref="QueryValues.Date"/>.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Day<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || QueryValues.TryDate(v, out _)).WithMessage(ProblemTexts.FieldDateWrittenYYYYMMDD)
            .Must(v => !QueryValues.TryDate(v, out var day) || day is null || BusinessDates.Contains(day.Value)).WithMessage(BusinessDates.OutOfRange);

    public static IRuleBuilderOptions<T, DateOnly?> NotInFuture<T>(this IRuleBuilder<T, DateOnly?> rule, Func<DateOnly> today) =>
        rule.Must(v => v is null || v.Value <= today())
            .WithMessage(ProblemTexts.FieldCannotFutureDatesChinaStandard);

    public static IRuleBuilderOptions<T, int> Limit<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, Cursor.MaxLimit).WithMessage(Paging.LimitMessage);

    public static IRuleBuilderOptions<T, string?> OneOf<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.Must(v => v is null || Names.TryParse<TEnum>(v, out _))
            .WithMessage(ProblemTexts.FieldOneValues.With(("values", string.Join(", ", Enum.GetValues<TEnum>().Select(Names.Of)))));

    /// <summary>The end of a half-open update window (updatedBefore) comes after its start (updatedSince).</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> AfterSince<T>(this IRuleBuilder<T, DateTimeOffset?> rule, Func<T, DateTimeOffset?> since) =>
        rule.Must((request, before) => before is null || since(request) is not { } start || before > start)
            .WithMessage(ProblemTexts.UpdatedBeforeLaterUpdatedSince);

    /// <summary>A GB/T 2260 code of the table the project ships (<see cref="Regions"/>), when given.</summary>
    public static IRuleBuilderOptions<T, string?> RegionCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code is null || Regions.Contains(code.Trim()))
            .WithMessage(ProblemTexts.RegionCodeSixDigitGBT2260);

    /// <summary>A list of ids (of parks, companies, sectors …), when given: each positive, at most <paramref name="max"/> of them.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<long>?> Ids<T>(this IRuleBuilder<T, IReadOnlyList<long>?> rule, int max) =>
        rule.Must(v => v is null || (v.Count <= max && v.All(id => id > 0)))
            .WithMessage(ProblemTexts.FieldListMostCountPositiveIds.With(("count", max.ToString(CultureInfo.InvariantCulture))));

    public static IRuleBuilderOptions<T, long?> Id<T>(this IRuleBuilder<T, long?> rule) =>
        rule.Must(v => v is null or > 0).WithMessage(ProblemTexts.FieldPositiveId);
}
