using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Evaluation;

/// <summary>The criteria set tables (sets and their revisions): every write of them, and the reads of a set its use cases share.</summary>
public sealed class CriteriaSetStore(DbSession session, ReferenceStore rows, IClock clock)
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    public static string Serialize(CriteriaDefinition definition) => JsonSerializer.Serialize(definition, Stored);

    public static CriteriaDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<CriteriaDefinition>(json, Stored) ?? throw new InvalidOperationException("A criteria set revision without its definition.");

    /// <summary>The name trimmed, once the definition holds (400 on its field) and no other set has the name (409).</summary>
    public async Task<string> CheckAsync(CreateCriteriaSet fields, long? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.ToDefinition().Check();
        var name = fields.Name!.Trim();
        return await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM criteria_sets WHERE name = @name AND id <> @id", new { name, id = id ?? 0 }, cancellationToken) > 0
            ? throw ProblemException.Conflict(ProblemTexts.CriteriaSetNamedNameAlreadyExists.With(("name", name)))
            : name;
    }

    /// <summary>Adds a set with its first revision; answers its id.</summary>
    public async Task<long> AddAsync(string name, CriteriaDefinition definition, CancellationToken cancellationToken)
    {
        var at = clock.UtcNow;
        var id = await session.QuerySingleAsync<long>(session.Dialect.InsertReturningId("criteria_sets", "name, created_at", "@name, @at"), new { name, at }, cancellationToken);
        await WriteRevisionAsync(id, 1, definition, at, cancellationToken);
        return id;
    }

    /// <summary>
    /// Renames the set and changes its definition if nobody changed it meanwhile (412 otherwise): a changed definition
    /// of a revision deals were scored under makes a new revision, so that every score keeps the definition it was
    /// given under; a revision without scores is corrected in place.
    /// </summary>
    public async Task ReviseAsync(CriteriaSetResponse current, string name, CriteriaDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var changed = Serialize(definition) != Serialize(new CriteriaDefinition(current.Criteria, current.Bands, current.Vetoes));
        var revision = changed && current.Scored ? current.Revision + 1 : current.Revision;
        await rows.UpdateAsync("criteria_sets", "name = @name, revision = @revision", current, new { name, revision }, cancellationToken);
        if (revision != current.Revision)
        {
            await WriteRevisionAsync(current.Id, revision, definition, clock.UtcNow, cancellationToken);
        }
        else if (changed)
        {
            await session.ExecuteAsync(
                "UPDATE criteria_set_revisions SET definition = @definition WHERE set_id = @id AND revision = @revision",
                new { id = current.Id, revision, definition = Serialize(definition) },
                cancellationToken);
        }
    }

    public async Task WriteRevisionAsync(long id, int revision, CriteriaDefinition definition, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(
            "INSERT INTO criteria_set_revisions (set_id, revision, definition, created_at) VALUES (@id, @revision, @definition, @at)",
            new { id, revision, definition = Serialize(definition), at },
            cancellationToken);
    }

    /// <summary>The set as its current revision (or the given one) defines it; a 404 when there is no such set or revision.</summary>
    public async Task<CriteriaSetResponse> GetAsync(long id, int? revision, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<SetRow>(
            """
            SELECT s.id, s.name, s.version, r.revision, r.definition,
                   CASE WHEN EXISTS (SELECT 1 FROM deal_scores x WHERE x.set_id = s.id AND x.revision = r.revision) THEN 1 ELSE 0 END AS scores
            FROM criteria_sets s JOIN criteria_set_revisions r ON r.set_id = s.id
            WHERE s.id = @id AND r.revision = COALESCE(@revision, s.revision)
            """,
            new { id, revision },
            cancellationToken);
        if (row is null)
        {
            throw revision is null || !await References.ExistsAsync(session, "criteria_sets", id, cancellationToken)
                ? ProblemException.NotFound("criteria set", id)
                : new ProblemException(Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound, ProblemTexts.NotFound, ProblemTexts.CriteriaSetIdHasNoRevision.With(("id", id), ("revision", revision)));
        }

        var definition = Deserialize(row.Definition);
        return new CriteriaSetResponse
        {
            Id = row.Id, Name = row.Name, Version = row.Version, Revision = row.Revision,
            Criteria = definition.Criteria, Bands = definition.Bands, Vetoes = definition.Vetoes, Scored = row.Scores > 0,
        };
    }

    public sealed record IdRow : IHasId
    {
        public long Id { get; init; }
    }

    private sealed record SetRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public int Version { get; init; }

        public int Revision { get; init; }

        public string Definition { get; init; } = "";

        public long Scores { get; init; }
    }
}
