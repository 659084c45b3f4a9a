namespace DealPipeline.Api.Features.Sectors;

/// <summary>Turns a sector id into the LIKE pattern of its subtree's paths.</summary>
public sealed class SectorStore(DbSession session)
{
    /// <summary>Inserts a sector under the parent whose path is given ('/' for the top) and sets its own path.</summary>
    public async Task<long> InsertAsync(string name, long? parentId, string parentPath, DateTimeOffset at, CancellationToken cancellationToken, string? industryCode = null)
    {
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("sectors", "name, parent_id, path, industry_code, created_at", "@name, @parentId, @parentPath, @industryCode, @at"),
            new { name, parentId, parentPath, industryCode, at },
            cancellationToken);
        var path = parentPath + id.ToString(CultureInfo.InvariantCulture) + "/";
        await session.ExecuteAsync("UPDATE sectors SET path = @path WHERE id = @id", new { path, id }, cancellationToken);
        return id;
    }

    public async Task<string> SubtreePatternAsync(long sectorId, string field, CancellationToken cancellationToken)
    {
        var path = await session.QuerySingleOrDefaultAsync<string>("SELECT path FROM sectors WHERE id = @sectorId", new { sectorId }, cancellationToken)
            ?? throw ProblemException.Invalid(field, ProblemTexts.NoSuch.With(("what", "sector"), ("id", sectorId)));
        return path + "%";
    }
}
