using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>
/// A throw-away database on the server an environment variable names, created for one test class
/// and dropped afterwards: on PostgreSQL (DEALPIPELINE_TEST_POSTGRES, which .ci/run sets to a
/// cluster of its own, tools/test-postgres.sh) or SQL Server (DEALPIPELINE_TEST_SQLSERVER). Each
/// says how its server names a database in a connection string, quotes a name, and drops a
/// database other sessions may still hold.
/// </summary>
public sealed class ServerDatabase(
    string environmentVariable,
    DbProviderFactory provider,
    string databaseKey,
    string serverDatabase,
    Func<string, string> quote,
    Func<string, string> dropSql,
    Action clearPools)
{
    public static readonly ServerDatabase Postgres = new(
        "DEALPIPELINE_TEST_POSTGRES",
        NpgsqlFactory.Instance,
        "Database",
        "postgres",
        name => $"\"{name}\"",
        name => $"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
        NpgsqlConnection.ClearAllPools);

    public static readonly ServerDatabase SqlServer = new(
        "DEALPIPELINE_TEST_SQLSERVER",
        SqlClientFactory.Instance,
        "Initial Catalog",
        "master",
        name => $"[{name}]",
        name => $"ALTER DATABASE {name} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {name};",
        SqlConnection.ClearAllPools);

    public string EnvironmentVariable { get; } = environmentVariable;

    public string? ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public string Create()
    {
        var server = Builder(ConnectionString ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set."));
        var name = "dealpipeline_test_" + Guid.NewGuid().ToString("N");
        Execute(server.ConnectionString, $"CREATE DATABASE {quote(name)}");
        server[databaseKey] = name;
        return server.ConnectionString;
    }

    public void Drop(string connectionString)
    {
        var builder = Builder(connectionString);
        var name = (string)builder[databaseKey];
        builder[databaseKey] = serverDatabase;
        clearPools();
        Execute(builder.ConnectionString, dropSql(quote(name)));
    }

    /// <summary>The provider's own builder, which knows its key's synonyms (Database for Initial Catalog).</summary>
    private DbConnectionStringBuilder Builder(string connectionString)
    {
        var builder = provider.CreateConnectionStringBuilder()!;
        builder.ConnectionString = connectionString;
        return builder;
    }

    private void Execute(string connectionString, string sql)
    {
        using var connection = provider.CreateConnection()!;
        connection.ConnectionString = connectionString;
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
