namespace DealPipeline.Api.Features.Chains;

/// <summary>A chain's own fields: what it is created with, and what a merge patch corrects.</summary>
public sealed record CreateChain(string? Name, string? Description, IReadOnlyList<long>? ParkIds = null, IReadOnlyList<long>? LeaderCompanyIds = null)
    : ICommand<ChainResponse>, IAudited, Http.IRequestBody
{
    /// <summary>At most this many parks or chain leaders per chain.</summary>
    public const int MaxMembers = 100;

    public static IReadOnlyList<string> Required => ["name"];

    public static object Example => new CreateChain("新能源汽车", "整车、动力电池、电驱电控与充换电", [1], [1]);

    string IAudited.AuditEntity => "chain";

    string? IAudited.AuditId => null;
}

public sealed class CreateChainValidator : AbstractValidator<CreateChain>
{
    public CreateChainValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Description).MaximumLength(Validation.MaxTextLength);
        RuleFor(x => x.ParkIds).Ids(CreateChain.MaxMembers);
        RuleFor(x => x.LeaderCompanyIds).Ids(CreateChain.MaxMembers);
    }
}

public sealed class CreateChainHandler(DbSession session, IClock clock) : IRequestHandler<CreateChain, ChainResponse>
{
    public async Task<ChainResponse> Handle(CreateChain request, CancellationToken cancellationToken)
    {
        var fields = await ChainFields.CheckAsync(session, request, null, cancellationToken);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("chains", "name, description, created_at", "@Name, @Description, @at"),
            new { fields.Name, fields.Description, at = clock.UtcNow },
            cancellationToken);
        await ChainFields.WriteMembersAsync(session, id, fields, cancellationToken);
        return await ChainQueries.GetAsync(session, id, cancellationToken);
    }
}

/// <summary>The checks and writes a chain's fields share between creating and correcting it.</summary>
public static class ChainFields
{
    /// <summary>The fields trimmed, once the name is free (409 otherwise) and every park and company exists (400 on the field otherwise).</summary>
    public static async Task<CreateChain> CheckAsync(DbSession session, CreateChain fields, long? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(fields);
        var name = fields.Name!.Trim();
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM chains WHERE name = @name AND id <> @id", new { name, id = id ?? 0 }, cancellationToken) > 0)
        {
            throw ProblemException.Conflict($"A chain named '{name}' already exists.");
        }

        await ChainQueries.RequireAllAsync(session, "parks", fields.ParkIds, "parkIds", "park", cancellationToken);
        await ChainQueries.RequireAllAsync(session, "companies", fields.LeaderCompanyIds, "leaderCompanyIds", "company", cancellationToken);
        return fields with
        {
            Name = name,
            Description = string.IsNullOrWhiteSpace(fields.Description) ? null : fields.Description.Trim(),
            ParkIds = [.. (fields.ParkIds ?? []).Distinct().Order()],
            LeaderCompanyIds = [.. (fields.LeaderCompanyIds ?? []).Distinct().Order()],
        };
    }

    public static async Task WriteMembersAsync(DbSession session, long id, CreateChain fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        await ChainQueries.ReplaceMembersAsync(session, "chain_parks", "chain_id", "park_id", id, fields.ParkIds ?? [], cancellationToken);
        await ChainQueries.ReplaceMembersAsync(session, "chain_leaders", "chain_id", "company_id", id, fields.LeaderCompanyIds ?? [], cancellationToken);
    }
}
