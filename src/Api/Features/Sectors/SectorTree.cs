using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Sectors;

/// <summary>Turns a sector id into the LIKE pattern of its subtree's paths.</summary>
public static class SectorTree
{
    /// <summary>Inserts a sector under the parent whose path is given ('/' for the top) and sets its own path.</summary>
    public static async Task<long> InsertAsync(DbSession session, string name, long? parentId, string parentPath, DateTimeOffset at, CancellationToken cancellationToken, string? industryCode = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("sectors", "name, parent_id, path, industry_code, created_at", "@name, @parentId, @parentPath, @industryCode, @at"),
            new { name, parentId, parentPath, industryCode, at },
            cancellationToken);
        var path = parentPath + id.ToString(CultureInfo.InvariantCulture) + "/";
        await session.ExecuteAsync("UPDATE sectors SET path = @path WHERE id = @id", new { path, id }, cancellationToken);
        return id;
    }

    public static async Task<string> SubtreePatternAsync(DbSession session, long sectorId, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var path = await session.QuerySingleOrDefaultAsync<string>("SELECT path FROM sectors WHERE id = @sectorId", new { sectorId }, cancellationToken)
            ?? throw ProblemException.Invalid(field, $"There is no sector {sectorId}.");
        return path + "%";
    }
}
