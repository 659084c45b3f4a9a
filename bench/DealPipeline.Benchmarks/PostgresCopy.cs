using System.Globalization;
using System.Text;
using DealPipeline.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

/// <summary>
/// The report benchmark on PostgreSQL: a new database on the server given, migrated by the service's own migrator, and
/// loaded with the very rows the generator wrote to the SQLite file (COPY, table by table), so that both providers are
/// measured on the same data. The identity sequences are moved past the rows copied and the tables analysed.
/// </summary>
internal static class PostgresCopy
{
    /// <summary>The tables the generator writes, parents first.</summary>
    private static readonly string[] Tables =
    [
        "parks", "sectors", "teams", "users", "companies", "fx_rates", "deals", "deal_history", "funds_in_place", "activities",
        "deadline_rules", "calendar_years", "calendar_days", "chains", "chain_parks", "chain_leaders", "chain_links", "chain_link_sectors",
        "chain_link_companies", "chain_link_deals", "criteria_sets", "criteria_set_revisions", "deal_scores",
    ];

    /// <summary>Creates the database <paramref name="name"/> on <paramref name="server"/> from the SQLite file; answers its connection string.</summary>
    public static async Task<string> LoadAsync(string sqliteFile, string server, string name)
    {
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = target });
        await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(default);
        await using var source = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly");
        await source.OpenAsync();
        await using var pg = new NpgsqlConnection(target);
        await pg.OpenAsync();
        foreach (var table in Tables)
        {
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            await using (var columns = new NpgsqlCommand("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @t", pg))
            {
                columns.Parameters.AddWithValue("t", table);
                await using var reader = await columns.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    types[reader.GetString(0)] = reader.GetString(1);
                }
            }

            await using var read = source.CreateCommand();
            read.CommandText = $"SELECT * FROM {table}";
            await using var rows = await read.ExecuteReaderAsync();
            var names = Enumerable.Range(0, rows.FieldCount).Select(rows.GetName).Where(types.ContainsKey).ToList();
            var ordinals = names.Select(rows.GetOrdinal).ToList();
            await using (var copy = await pg.BeginTextImportAsync($"COPY {table} ({string.Join(", ", names)}) FROM STDIN (FORMAT csv)"))
            {
                var line = new StringBuilder();
                while (await rows.ReadAsync())
                {
                    line.Clear();
                    for (var i = 0; i < names.Count; i++)
                    {
                        if (i > 0)
                        {
                            line.Append(',');
                        }

                        if (!rows.IsDBNull(ordinals[i]))
                        {
                            line.Append(Csv(rows.GetValue(ordinals[i]), types[names[i]]));
                        }
                    }

                    await copy.WriteLineAsync(line.ToString());
                }
            }

            if (names.Contains("id"))
            {
                await using var sequence = new NpgsqlCommand(
                    $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST(COALESCE(MAX(id), 0), 1)) FROM {table} WHERE pg_get_serial_sequence('{table}', 'id') IS NOT NULL", pg);
                await sequence.ExecuteNonQueryAsync();
            }
        }

        await using (var analyse = new NpgsqlCommand("ANALYZE", pg))
        {
            await analyse.ExecuteNonQueryAsync();
        }

        return target;
    }

    /// <summary>Drops the benchmark's database.</summary>
    public static async Task DropAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>One SQLite value as a CSV field of a PostgreSQL column: flags as booleans, timestamps as UTC, text quoted.</summary>
    private static string Csv(object value, string type) => type switch
    {
        "boolean" => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0 ? "t" : "f",
        "timestamp with time zone" => DateTime.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            .ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture),
        _ => value switch
        {
            string text => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        },
    };
}
