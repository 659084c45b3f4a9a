namespace DealPipeline.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Defaults, for SQLite, to a file under <c>data/</c> beside the working directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Optional: a read replica (a PostgreSQL standby, SQL Server with ApplicationIntent=ReadOnly)
    /// for reports and exports. Defaults to <see cref="ConnectionString"/>.
    /// </summary>
    public string? ReadConnectionString { get; set; }

    /// <summary>
    /// SQLite: the most writes one commit (one fsync) may end together (see <see cref="GroupCommit"/>); 1
    /// commits every write on its own. Between 1 and 1,000.
    /// </summary>
    public int GroupCommitMaxWrites { get; set; } = 64;

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"Database:ConnectionString is required when Database:Provider is {Provider}.");
        }

        return "Data Source=" + Path.Combine(Directory.GetCurrentDirectory(), "data", "dealpipeline.db");
    }
}
