using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using DealPipeline.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

// The report benchmark: 100,000 generated deals with about five history rows each in a SQLite
// file, the real service started on it as its own process, and each report measured through HTTP
// on loopback. Rerun with: dotnet run -c Release --project bench/DealPipeline.Benchmarks [deals] [requests]
// With DEALPIPELINE_BENCH_POSTGRES set to a PostgreSQL server's connection string, the same rows are
// copied into a new database there and the service and the raw SQL run on PostgreSQL instead.
const string BenchKey = "bench-admin-key-not-a-secret-0123456789";

// bench/load.sh asks only for a generated database: generate <deals> <file>.
if (args is ["generate", var count, var target])
{
    var rows = await Generator.CreateAsync($"Data Source={target}", int.Parse(count, CultureInfo.InvariantCulture));
    Console.WriteLine($"generated {count} deals and {rows:N0} history rows in {target}");
    SqliteConnection.ClearAllPools();
    return;
}

// The rows of a generated file copied into a new PostgreSQL database, for profile-read: postgres <file> <server> <database>.
if (args is ["postgres", var sqliteFile, var server, var databaseName])
{
    Console.WriteLine(await PostgresCopy.LoadAsync(sqliteFile, server, databaseName));
    return;
}

// What a write spends its time on, statement by statement: profile [writes].
if (args is ["profile", ..])
{
    await WriteProfile.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000, BenchKey);
    return;
}

// What a read spends its time on: profile-read <file> <requests> <path>...
if (args is ["profile-read", var db, var readCount, .. var paths])
{
    await WriteProfile.ReadAsync(db, int.Parse(readCount, CultureInfo.InvariantCulture), paths, BenchKey);
    return;
}

if (args is ["sql-probe", var probeFile, .. var statements])
{
    await using var probe = new SqliteConnection($"Data Source={probeFile}");
    await probe.OpenAsync();
    foreach (var text in statements)
    {
        await using (var plan = probe.CreateCommand())
        {
            plan.CommandText = "EXPLAIN QUERY PLAN " + text;
            await using var r = await plan.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                Console.WriteLine("  plan: " + r.GetString(3));
            }
        }

        for (var round = 0; round < 4; round++)
        {
            var w = Stopwatch.StartNew();
            long n = 0;
            await using (var command = probe.CreateCommand())
            {
                command.CommandText = text;
                await using var r = await command.ExecuteReaderAsync();
                while (await r.ReadAsync())
                {
                    n++;
                    for (var c = 0; c < r.FieldCount; c++)
                    {
                        _ = r.GetValue(c);
                    }
                }
            }

            var stepped = w.Elapsed.TotalMilliseconds;
            w.Restart();
            var mapped = (await Dapper.SqlMapper.QueryAsync(probe, text)).Count();
            Console.WriteLine(FormattableString.Invariant($"  {n} rows: read {stepped:0.0} ms, Dapper dynamic {w.Elapsed.TotalMilliseconds:0.0} ms"));
        }
    }

    return;
}

var deals = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var keep = Environment.GetEnvironmentVariable("DEALPIPELINE_BENCH_DIR");
var folder = keep ?? Path.Combine(Path.GetTempPath(), "dealpipeline-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, "bench.db");
var connectionString = $"Data Source={file}";
var postgres = Environment.GetEnvironmentVariable("DEALPIPELINE_BENCH_POSTGRES");
var postgresName = "dealpipeline_bench_" + Guid.NewGuid().ToString("N")[..12];

try
{
    var started = Stopwatch.StartNew();
    var history = File.Exists(file) ? 0 : await Generator.CreateAsync(connectionString, deals);
    Console.WriteLine($"generated {deals:N0} deals and {history:N0} history rows in {started.Elapsed.TotalSeconds:0.0} s");
    var provider = DatabaseProvider.Sqlite;
    if (!string.IsNullOrEmpty(postgres))
    {
        started.Restart();
        SqliteConnection.ClearAllPools();
        connectionString = await PostgresCopy.LoadAsync(file, postgres, postgresName);
        provider = DatabaseProvider.Postgres;
        Console.WriteLine($"copied them into PostgreSQL database {postgresName} in {started.Elapsed.TotalSeconds:0.0} s (kept when DEALPIPELINE_BENCH_KEEP_POSTGRES is set)");
    }

    var port = FreePort();
    using var service = StartService(provider, connectionString, port);
    using var stopService = new Stopper(service);
    using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    client.DefaultRequestHeaders.Add("X-Api-Key", BenchKey);
    await WaitUntilReady(client, service);

    var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ChinaTime.Zone).DateTime);
    var asOf = today.AddDays(-180).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    // Each report beside the raw SQL of its core aggregate, run on a connection of this process to the same file in the
    // same run: the ratio says what the service adds (visibility, conversion, per-deal weighting, names, JSON, HTTP).
    var year0 = $"{today.Year}-01-01";
    var year1 = $"{today.Year + 1}-01-01";
    var from30 = today.AddDays(-210).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    const string Live = "deleted_at IS NULL AND status = 1";
    var cases = new (string Name, string Path, string Raw)[]
    {
        ("pipeline, groupBy=stage", "/api/v1/reports/pipeline?groupBy=stage",
            $"SELECT stage, currency, COUNT(*), SUM(intended_minor) FROM deals WHERE {Live} GROUP BY stage, currency"),
        ("pipeline, groupBy=stage, status=any", "/api/v1/reports/pipeline?groupBy=stage&status=any",
            "SELECT status, stage, currency, COUNT(*), SUM(intended_minor) FROM deals WHERE deleted_at IS NULL GROUP BY status, stage, currency"),
        ("pipeline, groupBy=sector", "/api/v1/reports/pipeline?groupBy=sector",
            $"SELECT sector_id, stage, currency, COUNT(*), SUM(intended_minor) FROM deals WHERE {Live} GROUP BY sector_id, stage, currency"),
        ("pipeline, groupBy=stage, withFunds=true (funds in place per row)", "/api/v1/reports/pipeline?groupBy=stage&withFunds=true",
            $"SELECT d.stage, d.currency, COUNT(*), SUM(d.intended_minor), SUM(f.amount) FROM deals d LEFT JOIN (SELECT deal_id, SUM(amount_minor) AS amount FROM funds_in_place GROUP BY deal_id) f ON f.deal_id = d.id WHERE d.{Live.Replace(" AND ", " AND d.", StringComparison.Ordinal)} GROUP BY d.stage, d.currency"),
        ("pipeline, groupBy=owner", "/api/v1/reports/pipeline?groupBy=owner",
            $"SELECT owner_id, stage, currency, COUNT(*), SUM(intended_minor) FROM deals WHERE {Live} GROUP BY owner_id, stage, currency"),
        ("pipeline, groupBy=stage, sectorId=1 (subtree)", "/api/v1/reports/pipeline?groupBy=stage&sectorId=1",
            $"SELECT stage, currency, COUNT(*), SUM(intended_minor) FROM deals WHERE {Live} AND sector_id IN (SELECT id FROM sectors WHERE path LIKE '/1/%') GROUP BY stage, currency"),
        ($"pipeline, groupBy=stage, asOf={asOf}", $"/api/v1/reports/pipeline?groupBy=stage&asOf={asOf}",
            $"SELECT h.stage_after, d.currency, COUNT(*), SUM(d.intended_minor) FROM deal_history h JOIN deals d ON d.id = h.deal_id WHERE h.on_date <= '{asOf}' AND (h.valid_until IS NULL OR h.valid_until > '{asOf}') AND h.status_after = 1 AND d.deleted_at IS NULL GROUP BY h.stage_after, d.currency"),
        ("deals list, first page of 50", "/api/v1/deals?limit=50",
            "SELECT * FROM deals WHERE deleted_at IS NULL ORDER BY id LIMIT 50"),
        ("performance, this year", $"/api/v1/reports/performance?year={today.Year}",
            $"SELECT 's', currency, COUNT(*), SUM(intended_minor) FROM deals WHERE signed_on >= '{year0}' AND signed_on < '{year1}' AND deleted_at IS NULL GROUP BY currency UNION ALL SELECT 'l', currency, COUNT(*), SUM(intended_minor) FROM deals WHERE landed_on >= '{year0}' AND landed_on < '{year1}' AND deleted_at IS NULL GROUP BY currency UNION ALL SELECT 'f', '', COUNT(*), SUM(amount_minor) FROM funds_in_place WHERE on_date >= '{year0}' AND on_date < '{year1}'"),
        ($"performance, the 30 days to {asOf}", $"/api/v1/reports/performance?from={from30}&to={asOf}",
            $"SELECT 's', currency, COUNT(*), SUM(intended_minor) FROM deals WHERE signed_on >= '{from30}' AND signed_on <= '{asOf}' AND deleted_at IS NULL GROUP BY currency UNION ALL SELECT 'l', currency, COUNT(*), SUM(intended_minor) FROM deals WHERE landed_on >= '{from30}' AND landed_on <= '{asOf}' AND deleted_at IS NULL GROUP BY currency"),
        ("funnel, this year", $"/api/v1/reports/funnel?year={today.Year}",
            $"SELECT h.to_value, COUNT(DISTINCT h.deal_id) FROM deals d JOIN deal_history h ON h.deal_id = d.id WHERE d.opened_on >= '{year0}' AND d.opened_on < '{year1}' AND d.deleted_at IS NULL AND h.kind = 1 GROUP BY h.to_value"),
        ("stale deals, 60 days", "/api/v1/reports/stale?days=60",
            $"SELECT id, last_change_on FROM deals WHERE {Live} AND last_change_on < '{today.AddDays(-60):yyyy-MM-dd}' ORDER BY last_change_on, id LIMIT 50"),
        ("industry chain (12 links, 5,000 companies attached)", "/api/v1/reports/chains/1",
            "SELECT c.link_id, d.stage, COUNT(*), SUM(d.intended_minor) FROM chain_link_companies c JOIN deals d ON d.company_id = c.company_id WHERE d.deleted_at IS NULL GROUP BY c.link_id, d.stage"),
        ("overdue deadlines (figures over every deal, first page of 50 items)", "/api/v1/reports/overdue",
            $"SELECT d.id, d.stage, MAX(a.on_date) FROM deals d LEFT JOIN activities a ON a.deal_id = d.id WHERE d.{Live.Replace(" AND ", " AND d.", StringComparison.Ordinal)} GROUP BY d.id"),
        ("evaluation by band, with per-亩 figures", "/api/v1/reports/evaluation?criteriaSetId=1",
            "SELECT s.band, COUNT(*), SUM(d.intended_minor), SUM(d.land_area_centimu) FROM deals d JOIN deal_scores s ON s.id = (SELECT MAX(x.id) FROM deal_scores x WHERE x.deal_id = d.id) WHERE s.set_id = 1 AND d.deleted_at IS NULL GROUP BY s.band"),
        ("deals list, band=A", "/api/v1/deals?band=A&limit=50",
            "SELECT d.* FROM deals d JOIN deal_scores s ON s.id = (SELECT MAX(x.id) FROM deal_scores x WHERE x.deal_id = d.id) WHERE s.band = 'A' AND d.deleted_at IS NULL ORDER BY d.id LIMIT 50"),
        ("one deal's deadlines", $"/api/v1/deals/{Math.Min(4242, deals)}/deadlines",
            $"SELECT * FROM activities WHERE deal_id = {Math.Min(4242, deals)} ORDER BY on_date"),
    };

    await using System.Data.Common.DbConnection raw = provider == DatabaseProvider.Postgres ? new Npgsql.NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
    await raw.OpenAsync();
    Console.WriteLine();
    Console.WriteLine($"| request ({provider}, {deals:N0} deals; {requests} timed requests each, {requests / 5} for asOf, after 20 warm-up) | median ms | p95 ms | p99 ms | max ms | raw SQL median ms | ratio |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var (name, path, rawSql) in cases)
    {
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        // The as-of report rebuilds every deal's stage from history: fewer rounds keep the run short.
        var rounds = path.Contains("asOf", StringComparison.Ordinal) || path.Contains("performance?from", StringComparison.Ordinal) ? Math.Max(1, requests / 5) : requests;
        var times = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var rawTimes = new List<double>(rounds);
        for (var i = 0; i < rounds + 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var command = raw.CreateCommand())
            {
                command.CommandText = rawSql;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                }
            }

            if (i >= 5)
            {
                rawTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        rawTimes.Sort();
        double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var median = At(times, 0.5);
        var rawMedian = At(rawTimes, 0.5);
        Console.WriteLine(FormattableString.Invariant(
            $"| {name} | {median:0.0} | {At(times, 0.95):0.0} | {At(times, 0.99):0.0} | {times[^1]:0.0} | {rawMedian:0.0} | {median / rawMedian:0.0}× |"));
    }

    // The CSV export of every deal: its time, its size, and the service's memory (peak resident set) before and after.
    var rssBefore = PeakResidentKiB(service.Id);
    var exportWatch = Stopwatch.StartNew();
    long bytes;
    using (var export = await client.GetAsync("/api/v1/export/deals.csv", HttpCompletionOption.ResponseHeadersRead))
    {
        export.EnsureSuccessStatusCode();
        await using var stream = await export.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        bytes = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }
    }

    var exportSeconds = exportWatch.Elapsed.TotalSeconds;
    var rssAfter = PeakResidentKiB(service.Id);
    Console.WriteLine();
    Console.WriteLine(FormattableString.Invariant(
        $"CSV export of all deals: {exportSeconds:0.00} s, {bytes / 1024.0 / 1024.0:0.0} MiB; service peak resident memory {rssBefore / 1024.0:0} MiB before, {rssAfter / 1024.0:0} MiB after"));
}
finally
{
    SqliteConnection.ClearAllPools();
    if (!string.IsNullOrEmpty(postgres) && Environment.GetEnvironmentVariable("DEALPIPELINE_BENCH_KEEP_POSTGRES") is null)
    {
        await PostgresCopy.DropAsync(postgres, postgresName);
    }

    if (keep is null)
    {
        Directory.Delete(folder, recursive: true);
    }
}

static long PeakResidentKiB(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

static int FreePort()
{
    using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static Process StartService(DatabaseProvider provider, string connectionString, int port)
{
    var api = Path.Combine(AppContext.BaseDirectory, "DealPipeline.Api.dll");
    var start = new ProcessStartInfo("dotnet", $"\"{api}\"")
    {
        WorkingDirectory = AppContext.BaseDirectory,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["Database__Provider"] = provider.ToString();
    start.Environment["Database__ConnectionString"] = connectionString;
    start.Environment["Demo__Seed"] = "false";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["Auth__BootstrapAdminKey"] = BenchKey;

    // The benchmark measures the reports' own cost: not the memory of computed reports, nor the per-key rate limit.
    start.Environment["Reports__CacheResults"] = "false";
    start.Environment["RateLimit__PermitsPerSecond"] = "1000000";
    start.Environment["RateLimit__Burst"] = "1000000";
    var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the service");
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) =>
    {
        if (e.Data is not null)
        {
            Console.Error.WriteLine(e.Data);
        }
    };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitUntilReady(HttpClient client, Process service)
{
    for (var i = 0; i < 300; i++)
    {
        if (service.HasExited)
        {
            throw new InvalidOperationException($"the service exited with {service.ExitCode}");
        }

        try
        {
            if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(100);
    }

    throw new TimeoutException("the service did not become ready");
}

/// <summary>Writes generated deals and their history straight into a migrated SQLite file.</summary>
internal static class Generator
{
    public static async Task<long> CreateAsync(string connectionString, int deals)
    {
        var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString });
        await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(default);
        await using var connection = (SqliteConnection)await database.OpenAsync(default);
        await using var transaction = connection.BeginTransaction();
        var now = DateTime.UtcNow.ToString(TypeHandlers.SqliteTimestampFormat, CultureInfo.InvariantCulture);
        void Exec(string sql)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        for (var i = 1; i <= 5; i++)
        {
            Exec($"INSERT INTO parks (name, city, created_at) VALUES ('园区{i}', '城市{i}', '{now}')");
        }

        Exec($"INSERT INTO sectors (name, parent_id, path, created_at) VALUES ('生物医药', NULL, '/1/', '{now}'), ('医疗器械', NULL, '/2/', '{now}'), ('数字健康', NULL, '/3/', '{now}')");
        for (var i = 4; i <= 12; i++)
        {
            var parent = (i % 3) + 1;
            Exec($"INSERT INTO sectors (name, parent_id, path, created_at) VALUES ('子行业{i}', {parent}, '/{parent}/{i}/', '{now}')");
        }

        for (var i = 1; i <= 5; i++)
        {
            Exec($"INSERT INTO teams (name, created_at) VALUES ('专班{i}', '{now}')");
        }

        for (var i = 1; i <= 40; i++)
        {
            Exec($"INSERT INTO users (name, role, team_id, created_at) VALUES ('专员{i}', 'officer', {(i % 5) + 1}, '{now}')");
        }

        for (var i = 1; i <= 5000; i++)
        {
            Exec($"INSERT INTO companies (name, country, created_at) VALUES ('企业{i}', 'CN', '{now}')");
        }

        Exec($"INSERT INTO fx_rates (currency, effective_on, rate_e8, updated_at) VALUES ('USD', '2020-01-01', 710040000, '{now}'), ('USD', '2025-06-30', 724680000, '{now}'), ('EUR', '2020-01-01', 773120000, '{now}')");

        using var deal = connection.CreateCommand();
        deal.Transaction = transaction;
        deal.CommandText =
            "INSERT INTO deals (name, company_id, park_id, sector_id, owner_id, team_id, source, is_key_project, confidential, intended_minor, currency, " +
            "expected_tax_minor, stage, status, lost_reason, opened_on, signed_on, landed_on, last_change_on, created_at, updated_at, version) VALUES " +
            "($name, $company, $park, $sector, $owner, $team, $source, $key, 0, $intended, $currency, $tax, $stage, $status, $lost, $opened, $signed, $landed, $last, $now, $now, $version)";
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "name", "company", "park", "sector", "owner", "team", "source", "key", "intended", "currency", "tax", "stage", "status", "lost", "opened", "signed", "landed", "last", "now", "version" })
        {
            p[name] = deal.Parameters.Add("$" + name, SqliteType.Text);
        }

        using var entry = connection.CreateCommand();
        entry.Transaction = transaction;
        entry.CommandText =
            "INSERT INTO deal_history (deal_id, kind, from_value, to_value, on_date, at, by_user_id, stage_after, status_after, valid_until) " +
            "VALUES ($deal, $kind, $from, $to, $on, $at, $by, $stageAfter, $statusAfter, $validUntil)";
        var h = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "deal", "kind", "from", "to", "on", "at", "by", "stageAfter", "statusAfter", "validUntil" })
        {
            h[name] = entry.Parameters.Add("$" + name, SqliteType.Text);
        }

        using var funds = connection.CreateCommand();
        funds.Transaction = transaction;
        funds.CommandText = "INSERT INTO funds_in_place (deal_id, on_date, amount_minor, by_user_id, created_at) VALUES ($deal, $on, $amount, $by, $at)";
        var f = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "deal", "on", "amount", "by", "at" })
        {
            f[name] = funds.Parameters.Add("$" + name, SqliteType.Text);
        }

        // Funds in place of signed and landed deals from a generator of their own, so that the deals stay as they were.
        var fundsRandom = new Random(4004);
        var random = new Random(20261122);
        var start = new DateOnly(2023, 1, 1);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var span = today.DayNumber - start.DayNumber;
        long historyRows = 0;
        for (var id = 1; id <= deals; id++)
        {
            var opened = start.AddDays(random.Next(span - 30));
            var owner = random.Next(1, 41);
            var entries = new List<(int Kind, int? From, int To, DateOnly On)> { (1, null, 1, opened) };
            var stage = 1;
            var day = opened;
            var moves = random.Next(1, 5);
            for (var m = 0; m < moves && stage < 5; m++)
            {
                day = day.AddDays(random.Next(1, 60));
                if (day > today)
                {
                    break;
                }

                var to = Math.Min(5, stage + (random.NextDouble() < 0.15 ? 2 : 1));
                entries.Add((1, stage, to, day));
                stage = to;
            }

            // A pause and a restart, as officers record when a company's decision stalls.
            if (random.NextDouble() < 0.45 && day.AddDays(40) <= today)
            {
                day = day.AddDays(random.Next(1, 20));
                entries.Add((2, 1, 2, day));
                day = day.AddDays(random.Next(1, 20));
                entries.Add((2, 2, 1, day));
            }

            var status = 1;
            if (random.NextDouble() < 0.25 && day.AddDays(10) <= today)
            {
                day = day.AddDays(random.Next(1, 10));
                status = random.NextDouble() < 0.5 ? 3 : 2;
                entries.Add((2, 1, status, day));
            }

            var currency = random.NextDouble() < 0.05 ? "USD" : random.NextDouble() < 0.01 ? "EUR" : "CNY";
            p["name"].Value = $"项目{id}";
            p["company"].Value = random.Next(1, 5001);
            p["park"].Value = random.Next(1, 6);
            p["sector"].Value = random.Next(1, 13);
            p["owner"].Value = owner;
            p["team"].Value = (owner % 5) + 1;
            p["source"].Value = random.Next(1, 9);
            p["key"].Value = random.NextDouble() < 0.2 ? 1 : 0;
            p["intended"].Value = (long)random.Next(1, 3_000_000) * 10_000_00 + random.Next(0, 100);
            p["currency"].Value = currency;
            p["tax"].Value = random.NextDouble() < 0.5 ? (long)random.Next(1, 100_000) * 1000_00 : DBNull.Value;
            p["stage"].Value = stage;
            p["status"].Value = status;
            p["lost"].Value = status == 3 ? random.Next(1, 6) : DBNull.Value;
            p["opened"].Value = Date(opened);
            var signed = entries.LastOrDefault(e => e.Kind == 1 && e.To >= 4 && (e.From ?? 0) < 4);
            p["signed"].Value = stage >= 4 ? Date(signed.On == default ? opened : signed.On) : DBNull.Value;
            p["landed"].Value = stage == 5 ? Date(entries.Last(e => e.Kind == 1).On) : DBNull.Value;
            p["last"].Value = Date(entries[^1].On);
            p["now"].Value = now;
            p["version"].Value = entries.Count;
            deal.ExecuteNonQuery();
            if (stage >= 4)
            {
                var received = signed.On == default ? opened : signed.On;
                for (var tranche = fundsRandom.Next(0, 4); tranche > 0 && received.AddDays(30) <= today; tranche--)
                {
                    received = received.AddDays(fundsRandom.Next(1, 30));
                    f["deal"].Value = id;
                    f["on"].Value = Date(received);
                    f["amount"].Value = (long)p["intended"].Value! / 4;
                    f["by"].Value = owner;
                    f["at"].Value = now;
                    funds.ExecuteNonQuery();
                }
            }

            var stageAfter = 0;
            var statusAfter = 1;
            for (var e = 0; e < entries.Count; e++)
            {
                var (kind, from, to, on) = entries[e];
                stageAfter = kind == 1 ? to : stageAfter;
                statusAfter = kind == 2 ? to : statusAfter;
                h["stageAfter"].Value = stageAfter;
                h["statusAfter"].Value = statusAfter;
                h["validUntil"].Value = e + 1 < entries.Count ? Date(entries[e + 1].On) : DBNull.Value;
                h["deal"].Value = id;
                h["kind"].Value = kind;
                h["from"].Value = from is null ? DBNull.Value : from;
                h["to"].Value = to;
                h["on"].Value = Date(on);
                h["at"].Value = now;
                h["by"].Value = owner;
                entry.ExecuteNonQuery();
                historyRows++;
            }
        }

        // Follow-up activities (70 % of deals answered within 20 days of opening, a third followed up again),
        // response-deadline rules and the 2026 calendar, for the overdue report.
        Exec($"INSERT INTO activities (deal_id, type, on_date, summary, by_user_id, created_at) SELECT id, 1, MIN(date(opened_on, '+' || (id % 20) || ' days'), '{Date(today)}'), '电话联系', owner_id, '{now}' FROM deals WHERE id % 10 < 7");
        Exec($"INSERT INTO activities (deal_id, type, on_date, summary, by_user_id, created_at) SELECT id, 2, MIN(date(last_change_on, '+' || (id % 45) || ' days'), '{Date(today)}'), '会谈', owner_id, '{now}' FROM deals WHERE id % 3 = 0");
        Exec("UPDATE deals SET last_activity_on = (SELECT MAX(a.on_date) FROM activities a WHERE a.deal_id = deals.id)");
        Exec($"INSERT INTO deadline_rules (name, min_intended_minor, answer_count, answer_unit, assess_count, assess_unit, report_count, report_unit, created_at) VALUES " +
             $"('亿元以上项目', 10000000000, 1, 'workingDays', 3, 'workingDays', 14, 'days', '{now}'), ('一般项目', 0, 3, 'workingDays', 10, 'workingDays', 30, 'days', '{now}')");
        Exec($"INSERT INTO calendar_years (cal_year, updated_at) VALUES (2026, '{now}')");
        foreach (var holiday in new[] { "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23", "2026-05-01", "2026-05-04", "2026-05-05", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07" })
        {
            Exec($"INSERT INTO calendar_days (on_date, cal_year, kind) VALUES ('{holiday}', 2026, 'holiday')");
        }

        // An industry chain over the five parks: a link per sector, nested as the sectors are (link ids are the sector ids);
        // each company attached to the link of its first deal's sector, 1 % of deals attached on their own, three leaders.
        Exec($"INSERT INTO chains (name, created_at) VALUES ('生物医药', '{now}')");
        Exec("INSERT INTO chain_parks (chain_id, park_id) SELECT 1, id FROM parks");
        Exec("INSERT INTO chain_leaders (chain_id, company_id) VALUES (1, 1), (1, 2), (1, 3)");
        Exec($"INSERT INTO chain_links (chain_id, parent_id, name, position, created_at) SELECT 1, parent_id, name, CASE id % 3 WHEN 1 THEN 'upstream' WHEN 2 THEN 'midstream' ELSE 'downstream' END, '{now}' FROM sectors ORDER BY id");
        Exec("INSERT INTO chain_link_sectors (link_id, sector_id) SELECT id, id FROM sectors");
        Exec("INSERT INTO chain_link_companies (link_id, company_id) SELECT d.sector_id, d.company_id FROM deals d WHERE d.id = (SELECT MIN(x.id) FROM deals x WHERE x.company_id = d.company_id)");
        Exec("INSERT INTO chain_link_deals (link_id, deal_id) SELECT (id % 12) + 1, id FROM deals WHERE id % 100 = 0");
        Exec("INSERT OR IGNORE INTO chain_link_companies (link_id, company_id) VALUES (5, 1), (6, 2), (7, 3)");

        // An evaluation index with a third of the deals scored (totals spread over 0–100) and half with a land area.
        Exec($"INSERT INTO criteria_sets (name, created_at) VALUES ('招商项目评价指标', '{now}')");
        Exec("INSERT INTO criteria_set_revisions (set_id, revision, definition, created_at) VALUES (1, 1, '" +
             "{\"criteria\":[{\"key\":\"investmentPerMu\",\"name\":\"亩均投资强度\",\"weight\":50},{\"key\":\"taxPerMu\",\"name\":\"亩均税收\",\"weight\":50}]," +
             "\"bands\":[{\"key\":\"A\",\"name\":\"优先引进\",\"minScore\":85},{\"key\":\"B\",\"name\":\"积极引进\",\"minScore\":70},{\"key\":\"C\",\"name\":\"审慎引进\",\"minScore\":60},{\"key\":\"D\",\"name\":\"暂不引进\",\"minScore\":0}]," +
             $"\"vetoes\":[{{\"key\":\"environment\",\"name\":\"环保不达标\"}}]}}', '{now}')");
        Exec($"INSERT INTO deal_scores (deal_id, set_id, revision, total_tenths, band, scores, by_user_id, created_at) SELECT id, 1, 1, (id * 7) % 1001, " +
             $"CASE WHEN id % 97 = 0 THEN 'vetoed' WHEN (id * 7) % 1001 >= 850 THEN 'A' WHEN (id * 7) % 1001 >= 700 THEN 'B' WHEN (id * 7) % 1001 >= 600 THEN 'C' ELSE 'D' END, '[]', owner_id, '{now}' FROM deals WHERE id % 3 = 1");
        Exec("UPDATE deals SET land_area_centimu = 1000 + (id % 50000) * 10 WHERE id % 2 = 0");

        transaction.Commit();
        Exec2(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        return historyRows;
    }

    private static void Exec2(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Stops the service when the benchmark ends, a failed request included.</summary>
internal sealed class Stopper(Process process) : IDisposable
{
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
