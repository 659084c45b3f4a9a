using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Funds;

/// <summary>The funds_in_place table as the API reads it.</summary>
public sealed class FundsStore(DbSession session, IClock clock)
{
    /// <summary>Records funds in place on a deal (checked by the deal first); answers the row's id.</summary>
    public Task<long> AddAsync(AddFundsInPlace request, long? byUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "funds_in_place",
                "deal_id, on_date, amount_minor, note, by_user_id, created_at",
                "@DealId, @on, @amount, @note, @by, @now"),
            new
            {
                request.DealId,
                on = request.On!.Value,
                amount = Money.ToMinor(request.Amount!.Value),
                note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
                by = byUserId,
                now = clock.UtcNow,
            },
            cancellationToken);
    }

    /// <summary>The columns of <c>funds_in_place f JOIN deals d</c>: the amount is in the deal's currency.</summary>
    public const string Columns = "f.id, f.deal_id, f.on_date AS \"on\", f.amount_minor, d.currency, f.note, f.by_user_id, f.created_at";

    public const string From = "funds_in_place f JOIN deals d ON d.id = f.deal_id";

    public Task<FundsResponse> GetAsync(long id, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<FundsResponse>($"SELECT {Columns} FROM {From} WHERE f.id = @id", new { id }, cancellationToken);
}
