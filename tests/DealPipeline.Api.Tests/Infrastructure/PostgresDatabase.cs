using Npgsql;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>
/// A throw-away database on the PostgreSQL server named by DEALPIPELINE_TEST_POSTGRES, dropped
/// afterwards. .ci/run starts a cluster of its own (tools/test-postgres.sh) and sets it.
/// </summary>
public static class PostgresDatabase
{
    public const string EnvironmentVariable = "DEALPIPELINE_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static string Create()
    {
        var server = new NpgsqlConnectionStringBuilder(ConnectionString ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set."));
        var name = "dealpipeline_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        server.Database = name;
        return server.ConnectionString;
    }

    public static void Drop(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
