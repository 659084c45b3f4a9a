using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Letters;

/// <summary>One of the three letters (三书), linked to a deal, an event, both or neither.</summary>
public sealed record LetterResponse : IHasId, IVersioned
{
    public long Id { get; init; }

    public LetterType Type { get; init; }

    public DateOnly SignedOn { get; init; }

    public string Counterparty { get; init; } = "";

    public long? DealId { get; init; }

    public long? EventId { get; init; }

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }
}

public static class LetterQueries
{
    /// <summary>SELECT … FROM letters l … WHERE (the letter is visible): a letter of a confidential deal is seen by those who see the deal.</summary>
    public static string Select(DealAccess access, Dapper.DynamicParameters args)
    {
        ArgumentNullException.ThrowIfNull(access);
        return "SELECT id, type, signed_on, counterparty, deal_id, event_id, by_user_id, created_at, updated_at, version FROM (" +
               "SELECT l.id, l.type, l.signed_on, l.counterparty, l.deal_id, l.event_id, l.by_user_id, l.created_at, l.updated_at, l.version " +
               "FROM letters l LEFT JOIN deals d ON d.id = l.deal_id " +
               $"WHERE (l.deal_id IS NULL OR (d.deleted_at IS NULL AND {access.VisibleSql(args)}))) l WHERE 1 = 1";
    }

    public static async Task<LetterResponse> GetAsync(DbSession session, DealAccess access, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var args = new Dapper.DynamicParameters(new { id });
        return await session.QuerySingleOrDefaultAsync<LetterResponse>(Select(access, args) + " AND l.id = @id", args, cancellationToken)
            ?? throw ProblemException.NotFound("letter", id);
    }
}
