using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Deadlines;

/// <summary>A span of a deadline rule: count working days (workingDays) or calendar days (days).</summary>
public sealed record SpanBody(int? Count, string? Unit)
{
    public DeadlineSpan? ToSpan() => Count is { } count && Names.TryParse<DeadlineUnit>(Unit, out var unit) ? new DeadlineSpan(count, unit) : null;

    public static SpanBody? Of(DeadlineSpan? span) => span is null ? null : new SpanBody(span.Count, Names.Of(span.Unit));
}

/// <summary>The deadlines (服务时限) of leads whose intended investment (in CNY) is at least minIntendedInvestment.</summary>
public sealed record DeadlineRuleResponse : IHasId, IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>The class of lead: intended investment, converted to CNY, of at least this.</summary>
    public decimal MinIntendedInvestment { get; init; }

    /// <summary>First contact (any activity) within this span of the opening; null: no such deadline.</summary>
    public SpanBody? AnswerWithin { get; init; }

    /// <summary>Assessed (past contact, on hold or lost) within this span of the opening; null: no such deadline.</summary>
    public SpanBody? AssessWithin { get; init; }

    /// <summary>An activity at least this often while the deal is active and not landed; null: no such deadline.</summary>
    public SpanBody? ReportEvery { get; init; }
}
