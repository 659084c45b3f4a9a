using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Reports;

/// <summary>The deal filters every report takes: parkId, sectorId (with its subtree), ownerId, teamId, source (comma-separated), isKeyProject, band (of the latest evaluation).</summary>
public sealed record ReportFilter(long? ParkId, long? SectorId, long? OwnerId, long? TeamId, string? Source, bool? IsKeyProject, string? Band = null) : IDealFilter
{
    public static readonly ReportFilter None = new(null, null, null, null, null, null);

    public bool IsEmpty => this == None;

    string? IDealFilter.Stage => null;

    string? IDealFilter.Status => null;

    long? IDealFilter.SourceEventId => null;

    string? IDealFilter.Q => null;
}

/// <summary>A report request, with its deal filters.</summary>
public interface IFilteredReport
{
    ReportFilter Filter { get; }
}

/// <summary>Checks a report's filters with the deal filters' own rules, under the query-string names.</summary>
public sealed class FilteredReportValidator : AbstractValidator<IFilteredReport>
{
    private static readonly DealFilterValidator Rules = new();

    public FilteredReportValidator()
    {
        RuleFor(x => x.Filter).Custom((filter, context) =>
        {
            foreach (var failure in Rules.Validate(filter).Errors)
            {
                context.AddFailure(failure);
            }
        });
    }
}

/// <summary>
/// Adds the failures of a parse that refuses with a <see cref="ProblemException"/> (a period, a grouping, a date) to a
/// validation, so that the texts are the parse's own and every failure of a request is answered at once.
/// </summary>
internal static class ParseRule
{
    public static void Check<T>(ValidationContext<T> context, Action parse)
    {
        try
        {
            parse();
        }
        catch (ProblemException refused) when (refused.Errors is not null)
        {
            foreach (var (field, messages) in refused.Errors)
            {
                foreach (var message in messages)
                {
                    context.AddFailure(Validation.Failure(field, message));
                }
            }
        }
    }
}

/// <summary>The period of a report (from and to, or year) with its deal filters, as the query string carries them.</summary>
public abstract record PeriodReportQuery : ReportFilterQuery
{
    /// <summary>First day of the period (YYYY-MM-DD), with to; or give year.</summary>
    public string? From { get; init; }

    /// <summary>Last day of the period (YYYY-MM-DD), inclusive.</summary>
    public string? To { get; init; }

    /// <summary>A calendar year instead of from and to.</summary>
    public int? Year { get; init; }

    /// <summary>The period the query names (checked by <see cref="PeriodReportValidator"/> before a handler reads it).</summary>
    public ReportPeriod Period => ReportPeriod.Resolve(From, To, Year);
}

public sealed class PeriodReportValidator : AbstractValidator<PeriodReportQuery>
{
    public PeriodReportValidator()
    {
        RuleFor(x => x).Custom((query, context) => ParseRule.Check(context, () => _ = query.Period));
    }
}

/// <summary>The query-string part of the report filters.</summary>
public record ReportFilterQuery
{
    public long? ParkId { get; init; }

    public long? SectorId { get; init; }

    public long? OwnerId { get; init; }

    public long? TeamId { get; init; }

    public string? Source { get; init; }

    public bool? IsKeyProject { get; init; }

    /// <summary>Bands of the deals' latest evaluation (band keys, comma-separated, or vetoed).</summary>
    public string? Band { get; init; }

    /// <summary>The filters as the reports apply them (not bound: it is made of the properties above).</summary>
    public ReportFilter Filter => new(ParkId, SectorId, OwnerId, TeamId, Source, IsKeyProject, Band);
}

/// <summary>The rule every report with an asOf day shares: a day not yet begun in China Standard Time is a 400 naming asOf.</summary>
public static class AsOfRules
{
    /// <summary>Refuses an asOf after today; an unreadable one is left to the query's own rule (ParseRule).</summary>
    public static IRuleBuilderOptionsConditions<T, T> AsOfNotInFuture<T>(this IRuleBuilderInitial<T, T> rule, Func<T, DateOnly?> asOf, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(asOf);
        ArgumentNullException.ThrowIfNull(clock);
        return rule.Custom((query, context) => ParseRule.Check(context, () =>
        {
            if (asOf(query) is { } day && day > clock.Today)
            {
                context.AddFailure(Validation.Failure("asOf", ProblemTexts.FieldCannotFutureDatesChinaStandard.With(("field", "asOf"))));
            }
        }));
    }
}
