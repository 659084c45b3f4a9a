using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Activities;

/// <summary>The activities table: what an officer records on a deal, and how it is read back.</summary>
public sealed class ActivityStore(DbSession session, IClock clock)
{
    public const string Columns = "id, deal_id, type, on_date AS \"on\", summary, next_step, next_step_due, by_user_id, created_at";

    /// <summary>Records an activity on a deal (checked by the deal first) and answers it as stored.</summary>
    public async Task<ActivityResponse> AddAsync(AddDealActivity request, long? byUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "activities",
                "deal_id, type, on_date, summary, next_step, next_step_due, by_user_id, created_at",
                "@DealId, @type, @on, @summary, @nextStep, @NextStepDue, @by, @now"),
            new
            {
                request.DealId,
                type = (int)request.Type!.Value,
                on = request.On!.Value,
                summary = request.Summary!.Trim(),
                nextStep = string.IsNullOrWhiteSpace(request.NextStep) ? null : request.NextStep.Trim(),
                request.NextStepDue,
                by = byUserId,
                now = clock.UtcNow,
            },
            cancellationToken);
        return await session.QuerySingleAsync<ActivityResponse>($"SELECT {Columns} FROM activities WHERE id = @id", new { id }, cancellationToken);
    }
}
