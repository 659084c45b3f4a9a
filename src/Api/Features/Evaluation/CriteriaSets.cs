using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Evaluation;

/// <summary>A criteria set (指标评价体系) as its current revision defines it.</summary>
public sealed record CriteriaSetResponse : IHasId, IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>The revision of the definition: a change to a set that has scores makes a new one, and old scores keep theirs.</summary>
    public int Revision { get; init; }

    public IReadOnlyList<Criterion> Criteria { get; init; } = [];

    public IReadOnlyList<ScoreBand> Bands { get; init; } = [];

    public IReadOnlyList<VetoItem> Vetoes { get; init; } = [];

    /// <summary>Whether deals were scored under this revision.</summary>
    public bool Scored { get; init; }
}

public sealed record CreateCriteriaSet(string? Name, IReadOnlyList<Criterion>? Criteria, IReadOnlyList<ScoreBand>? Bands, IReadOnlyList<VetoItem>? Vetoes = null)
    : ICommand<CriteriaSetResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "criteria", "bands"];

    public static object Example => new CreateCriteriaSet(
        "招商项目评价指标",
        [new("investmentPerMu", "亩均投资强度", 30, "≥ 500 万元/亩 满分"), new("taxPerMu", "亩均税收", 30, "≥ 50 万元/亩 满分"), new("sectorFit", "产业匹配度", 20), new("technology", "技术水平", 20)],
        [new("A", "优先引进", 85), new("B", "积极引进", 70), new("C", "审慎引进", 60), new("D", "暂不引进", 0)],
        [new("environment", "环保不达标")]);

    string IAudited.AuditEntity => "criteriaSet";

    string? IAudited.AuditId => null;

    public CriteriaDefinition ToDefinition() => new(Criteria ?? [], Bands ?? [], Vetoes ?? []);
}

public sealed class CreateCriteriaSetValidator : AbstractValidator<CreateCriteriaSet>
{
    public CreateCriteriaSetValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Criteria).NotNull().WithMessage("'criteria' is required: each criterion's key, name and weight in points, summing to 100.");
        RuleFor(x => x.Bands).NotNull().WithMessage("'bands' is required: each band's key, name and minScore, one of them 0.");
    }
}

public sealed class CreateCriteriaSetHandler(DbSession session, IClock clock) : IRequestHandler<CreateCriteriaSet, CriteriaSetResponse>
{
    public async Task<CriteriaSetResponse> Handle(CreateCriteriaSet request, CancellationToken cancellationToken)
    {
        var name = await CriteriaSetQueries.CheckAsync(session, request, null, cancellationToken);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("criteria_sets", "name, created_at", "@name, @at"), new { name, at = clock.UtcNow }, cancellationToken);
        await CriteriaSetQueries.WriteRevisionAsync(session, id, 1, request.ToDefinition(), clock.UtcNow, cancellationToken);
        return await CriteriaSetQueries.GetAsync(session, id, null, cancellationToken);
    }
}

public sealed record ListCriteriaSets(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<CriteriaSetResponse>>, IPagedRequest;

public sealed class ListCriteriaSetsHandler(DbSession session, Cursors cursors) : IRequestHandler<ListCriteriaSets, Page<CriteriaSetResponse>>
{
    public async Task<Page<CriteriaSetResponse>> Handle(ListCriteriaSets request, CancellationToken cancellationToken)
    {
        var ids = await ListById.PageAsync<CriteriaSetQueries.IdRow>(session, cursors, request, "SELECT id FROM criteria_sets WHERE 1 = 1", new { }, cancellationToken);
        var sets = new List<CriteriaSetResponse>();
        foreach (var row in ids.Items)
        {
            sets.Add(await CriteriaSetQueries.GetAsync(session, row.Id, null, cancellationToken));
        }

        return new Page<CriteriaSetResponse>(sets, ids.NextCursor) { Next = ids.Next };
    }
}

/// <summary>A criteria set as its current revision, or as an earlier revision (<paramref name="Revision"/>) defined it.</summary>
public sealed record GetCriteriaSet(long Id, int? Revision = null) : IQuery<CriteriaSetResponse>;

public sealed class GetCriteriaSetHandler(DbSession session) : IRequestHandler<GetCriteriaSet, CriteriaSetResponse>
{
    public Task<CriteriaSetResponse> Handle(GetCriteriaSet request, CancellationToken cancellationToken) =>
        CriteriaSetQueries.GetAsync(session, request.Id, request.Revision, cancellationToken);
}

public sealed record PatchCriteriaSet(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<CriteriaSetResponse>, IAudited
{
    string IAudited.AuditEntity => "criteriaSet";

    string? IAudited.AuditId => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Corrects a criteria set with a merge patch (arrays replaced whole). A change to the definition of
/// a revision deals were scored under makes a new revision, so that every score keeps the definition
/// it was given under; a revision without scores is corrected in place.
/// </summary>
public sealed class PatchCriteriaSetHandler(DbSession session, IClock clock, IValidator<CreateCriteriaSet> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchCriteriaSet, CriteriaSetResponse>
{
    public async Task<CriteriaSetResponse> Handle(PatchCriteriaSet request, CancellationToken cancellationToken)
    {
        var current = await CriteriaSetQueries.GetAsync(session, request.Id, null, cancellationToken);
        var merged = await ReferenceData.MergeAsync(
            new CreateCriteriaSet(current.Name, current.Criteria, current.Bands, current.Vetoes),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        var name = await CriteriaSetQueries.CheckAsync(session, merged, current.Id, cancellationToken);
        var definition = merged.ToDefinition();
        var changed = CriteriaSetQueries.Serialize(definition) != CriteriaSetQueries.Serialize(new CriteriaDefinition(current.Criteria, current.Bands, current.Vetoes));
        var revision = changed && current.Scored ? current.Revision + 1 : current.Revision;
        await ReferenceData.UpdateAsync(session, "criteria_sets", "name = @name, revision = @revision", current, new { name, revision }, cancellationToken);
        if (revision != current.Revision)
        {
            await CriteriaSetQueries.WriteRevisionAsync(session, current.Id, revision, definition, clock.UtcNow, cancellationToken);
        }
        else if (changed)
        {
            await session.ExecuteAsync(
                "UPDATE criteria_set_revisions SET definition = @definition WHERE set_id = @id AND revision = @revision",
                new { id = current.Id, revision, definition = CriteriaSetQueries.Serialize(definition) },
                cancellationToken);
        }

        return await CriteriaSetQueries.GetAsync(session, current.Id, null, cancellationToken);
    }
}

/// <summary>The criteria set tables as the API reads them.</summary>
public static class CriteriaSetQueries
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    public static string Serialize(CriteriaDefinition definition) => JsonSerializer.Serialize(definition, Stored);

    public static CriteriaDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<CriteriaDefinition>(json, Stored) ?? throw new InvalidOperationException("A criteria set revision without its definition.");

    /// <summary>The name trimmed, once the definition holds (400 on its field) and no other set has the name (409).</summary>
    public static async Task<string> CheckAsync(DbSession session, CreateCriteriaSet fields, long? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(fields);
        fields.ToDefinition().Check();
        var name = fields.Name!.Trim();
        return await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM criteria_sets WHERE name = @name AND id <> @id", new { name, id = id ?? 0 }, cancellationToken) > 0
            ? throw ProblemException.Conflict($"A criteria set named '{name}' already exists.")
            : name;
    }

    public static async Task WriteRevisionAsync(DbSession session, long id, int revision, CriteriaDefinition definition, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.ExecuteAsync(
            "INSERT INTO criteria_set_revisions (set_id, revision, definition, created_at) VALUES (@id, @revision, @definition, @at)",
            new { id, revision, definition = Serialize(definition), at },
            cancellationToken);
    }

    /// <summary>The set as its current revision (or the given one) defines it; a 404 when there is no such set or revision.</summary>
    public static async Task<CriteriaSetResponse> GetAsync(DbSession session, long id, int? revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
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
                : new ProblemException(Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound, "Not found", $"Criteria set {id} has no revision {revision}.");
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
