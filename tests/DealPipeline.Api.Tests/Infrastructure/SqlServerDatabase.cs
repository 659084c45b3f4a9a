using Microsoft.Data.SqlClient;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>A throw-away database on the SQL Server named by DEALPIPELINE_TEST_SQLSERVER, dropped afterwards.</summary>
public static class SqlServerDatabase
{
    public const string EnvironmentVariable = "DEALPIPELINE_TEST_SQLSERVER";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static string Create()
    {
        var server = new SqlConnectionStringBuilder(ConnectionString ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set."));
        var name = "dealpipeline_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new SqlConnection(server.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE [{name}]";
            command.ExecuteNonQuery();
        }

        server.InitialCatalog = name;
        return server.ConnectionString;
    }

    public static void Drop(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        var name = builder.InitialCatalog;
        builder.InitialCatalog = "master";
        SqlConnection.ClearAllPools();
        using var connection = new SqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}];";
        command.ExecuteNonQuery();
    }
}
