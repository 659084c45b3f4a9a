using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Letters;

public sealed class LetterStore(DbSession session, IClock clock)
{
    /// <summary>Records a signed letter (its deal and event checked first); answers its id.</summary>
    public Task<long> AddAsync(CreateLetter request, long? byUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.UtcNow;
        return session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "letters",
                "type, signed_on, counterparty, deal_id, event_id, by_user_id, created_at, updated_at, version",
                "@type, @SignedOn, @counterparty, @DealId, @EventId, @by, @now, @now, 1"),
            new { type = (int)request.Type!.Value, request.SignedOn, counterparty = request.Counterparty!.Trim(), request.DealId, request.EventId, by = byUserId, now },
            cancellationToken);
    }

    /// <summary>SELECT … FROM letters l … WHERE (the letter is visible): a letter of a confidential deal is seen by those who see the deal.</summary>
    public static string Select(DealAccess access, Dapper.DynamicParameters args)
    {
        ArgumentNullException.ThrowIfNull(access);
        return "SELECT id, type, signed_on, counterparty, deal_id, event_id, by_user_id, created_at, updated_at, version FROM (" +
               "SELECT l.id, l.type, l.signed_on, l.counterparty, l.deal_id, l.event_id, l.by_user_id, l.created_at, l.updated_at, l.version " +
               "FROM letters l LEFT JOIN deals d ON d.id = l.deal_id " +
               $"WHERE (l.deal_id IS NULL OR (d.deleted_at IS NULL AND {access.VisibleSql(args)}))) l WHERE 1 = 1";
    }

    public async Task<LetterResponse> GetAsync(DealAccess access, long id, CancellationToken cancellationToken)
    {
        var args = new Dapper.DynamicParameters(new { id });
        return await session.QuerySingleOrDefaultAsync<LetterResponse>(Select(access, args) + " AND l.id = @id", args, cancellationToken)
            ?? throw ProblemException.NotFound("letter", id);
    }
}
