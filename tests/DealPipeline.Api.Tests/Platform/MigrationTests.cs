using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace DealPipeline.Api.Tests;

/// <summary>Upgrading a database that already holds deals: migration 0004 back-fills each history entry's state.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dealpipeline-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task History_written_before_version_4_gets_its_state_and_validity_back_filled()
    {
        Directory.CreateDirectory(_folder);
        var database = new Database(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "old.db")};Pooling=False" });
        var scripts = Migrator.ScriptsFor(database.Dialect);
        await using (var connection = await database.OpenAsync(default))
        {
            await connection.ExecuteAsync(database.Dialect.CreateSchemaVersionTable);
            foreach (var script in scripts.Where(s => s.Version < 4))
            {
                await connection.ExecuteAsync(script.Sql);
                await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, '2026-01-01')", new { script.Version, script.Name });
            }

            // A deal opened at contact, moved to negotiation, put on hold, reactivated, moved to letters: as version 3 stored it.
            await connection.ExecuteAsync(
                "INSERT INTO parks (id, name, city, created_at) VALUES (1, 'p', 'c', 'x');" +
                "INSERT INTO sectors (id, name, path, created_at) VALUES (1, 's', '/1/', 'x');" +
                "INSERT INTO users (id, name, role, created_at) VALUES (1, 'u', 'officer', 'x');" +
                "INSERT INTO companies (id, name, country, created_at) VALUES (1, 'c', 'CN', 'x');" +
                "INSERT INTO deals (id, name, company_id, park_id, sector_id, owner_id, source, is_key_project, confidential, intended_minor, currency, stage, status, opened_on, last_change_on, created_at, updated_at, version) " +
                "VALUES (1, 'd', 1, 1, 1, 1, 8, 0, 0, 100, 'CNY', 3, 1, '2026-01-01', '2026-03-01', 'x', 'x', 5);" +
                "INSERT INTO deal_history (id, deal_id, kind, from_value, to_value, on_date, at) VALUES " +
                "(1, 1, 1, NULL, 1, '2026-01-01', 'x'), (2, 1, 1, 1, 2, '2026-01-10', 'x'), (3, 1, 2, 1, 2, '2026-02-01', 'x'), " +
                "(4, 1, 2, 2, 1, '2026-02-15', 'x'), (5, 1, 1, 2, 3, '2026-03-01', 'x');");
        }

        var applied = await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(default);

        Assert.Equal(scripts.Count(s => s.Version >= 4), applied);
        await using var check = await database.OpenAsync(default);
        var rows = (await check.QueryAsync<(long Id, long StageAfter, long StatusAfter, string? ValidUntil)>(
            "SELECT id, stage_after, status_after, valid_until FROM deal_history ORDER BY id")).ToList();
        Assert.Equal(
            [(1L, 1L, 1L, "2026-01-10"), (2L, 2L, 1L, "2026-02-01"), (3L, 2L, 2L, "2026-02-15"), (4L, 2L, 1L, "2026-03-01"), (5L, 3L, 1L, null)],
            rows.Select(r => (r.Id, r.StageAfter, r.StatusAfter, r.ValidUntil)));
    }

    /// <summary>Every column list of a deal is derived from <see cref="DealRecord"/>: it must name exactly the columns the migrations create.</summary>
    [Fact]
    public async Task The_deal_storage_record_has_a_property_for_every_column_of_deals_and_no_other()
    {
        Directory.CreateDirectory(_folder);
        var database = new Database(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "new.db")};Pooling=False" });
        await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(default);
        await using var connection = await database.OpenAsync(default);

        var columns = (await connection.QueryAsync<string>("SELECT name FROM pragma_table_info('deals')")).ToList();

        Assert.Equal(columns.Order(), DealRecord.ColumnNames.Order());
        Assert.Contains("land_area_centimu", columns);
        Assert.StartsWith("d.id, d.name, d.company_id", DealRecord.Select("d"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_applied_script_is_checksummed_and_a_changed_or_unknown_script_stops_the_start()
    {
        Directory.CreateDirectory(_folder);
        var database = new Database(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "sums.db")};Pooling=False" });
        var migrator = new Migrator(database, NullLogger<Migrator>.Instance);
        await migrator.MigrateAsync(default);
        var scripts = Migrator.ScriptsFor(database.Dialect);
        await using var connection = await database.OpenAsync(default);
        var recorded = (await connection.QueryAsync<(long Version, string Checksum)>("SELECT version, checksum FROM schema_version ORDER BY version")).ToList();
        Assert.Equal(scripts.Select(s => ((long)s.Version, Migrator.Checksum(s.Sql))), recorded);
        Assert.Equal(0, await migrator.MigrateAsync(default));

        // Someone edited script 3 after it ran here.
        await connection.ExecuteAsync("UPDATE schema_version SET checksum = @other WHERE version = 3", new { other = new string('0', 64) });
        var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(default));
        Assert.Contains("0003_engagement was changed", changed.Message, StringComparison.Ordinal);

        // A database a newer build migrated.
        await connection.ExecuteAsync("UPDATE schema_version SET checksum = @sum WHERE version = 3", new { sum = Migrator.Checksum(scripts.Single(s => s.Version == 3).Sql) });
        await connection.ExecuteAsync("INSERT INTO schema_version (version, name, applied_at, checksum) VALUES (9999, '9999_future', 'x', NULL)");
        var newer = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(default));
        Assert.Contains("9999_future", newer.Message, StringComparison.Ordinal);
    }
}
