using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>A folder of its own for a test's SQLite files, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dealpipeline-" + purpose, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow shutdown: the temp folder is cleaned by the OS
        }
    }
}

/// <summary>Volume without going through the API: copies of one deal, written straight into a SQLite database.</summary>
public static class DealCopies
{
    public static async Task InsertAsync(DbConnection connection, long dealId, int copies)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var columns = string.Join(", ", await connection.QueryAsync<string>("SELECT name FROM pragma_table_info('deals') WHERE name <> 'id'"));
        await connection.ExecuteAsync(
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {copies}) INSERT INTO deals ({columns}) SELECT {columns} FROM deals, n WHERE deals.id = @dealId",
            new { dealId });
    }
}
