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
                context.AddFailure(failure.PropertyName, failure.ErrorMessage);
            }
        });
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

    public ReportFilter ToFilter() => new(ParkId, SectorId, OwnerId, TeamId, Source, IsKeyProject, Band);
}
