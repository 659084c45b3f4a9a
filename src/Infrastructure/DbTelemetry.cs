using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DealPipeline.Infrastructure;

/// <summary>
/// Spans and metrics of the database layer, under OpenTelemetry's database conventions: a span per
/// statement (a child of the request's span) named by its operation and table, with the
/// parameterised SQL text (values travel as parameters and are never recorded), the
/// <c>db.client.operation.duration</c> histogram, a count of transient-fault retries, and the writes each SQLite commit ended (<see cref="GroupCommit"/>).
/// Cost nothing until a listener (the OpenTelemetry SDK, <c>dotnet-counters</c>) subscribes.
/// </summary>
public static class DbTelemetry
{
    public const string Name = "DealPipeline.Database";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "db.client.operation.duration",
        unit: "s",
        description: "Duration of database statements, by operation.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "dealpipeline.db.transient_retries",
        unit: "{retry}",
        description: "Units of work retried after a transient database fault (busy, deadlock, failover).");

    private static readonly Histogram<int> GroupSizes = Meter.CreateHistogram(
        "dealpipeline.db.group_commit.size",
        unit: "{write}",
        description: "Units of work ended together by one SQLite commit (group commit).",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });

    /// <summary>Starts timing one statement; dispose the answer when it has run.</summary>
    public static Measurement Start(SqlDialect dialect, string sql)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        if (!Duration.Enabled && !Source.HasListeners())
        {
            return default;
        }

        var operation = Operation(sql);
        var system = SystemName(dialect.Provider);
        var activity = Source.StartActivity(operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", system);
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("db.query.text", sql);
        }

        return new Measurement(activity, system, operation, Stopwatch.GetTimestamp());
    }

    /// <summary>One SQLite commit ended <paramref name="writes"/> units of work (see <see cref="GroupCommit"/>).</summary>
    public static void GroupCommitted(int writes) => GroupSizes.Record(writes);

    public static void TransientRetry(SqlDialect dialect) =>
        Retries.Add(1, new KeyValuePair<string, object?>("db.system.name", SystemName(dialect.Provider)));

    private static string SystemName(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => "microsoft.sql_server",
        _ => "sqlite",
    };

    /// <summary>The statement's first keyword (SELECT, INSERT, WITH…): low-cardinality, safe to label a metric with.</summary>
    internal static string Operation(string sql)
    {
        var span = sql.AsSpan().TrimStart();
        var end = 0;
        while (end < span.Length && char.IsAsciiLetter(span[end]))
        {
            end++;
        }

        return end == 0 ? "OTHER" : span[..end].ToString().ToUpperInvariant();
    }

    public readonly struct Measurement(Activity? activity, string system, string operation, long started) : IDisposable
    {
        /// <summary>Marks the statement failed (its span gets the error status and the exception type).</summary>
        public void Failed(Exception exception)
        {
            ArgumentNullException.ThrowIfNull(exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity?.SetTag("error.type", exception.GetType().FullName);
        }

        public void Dispose()
        {
            if (started == 0)
            {
                return;
            }

            Duration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("db.system.name", system),
                new KeyValuePair<string, object?>("db.operation.name", operation));
            activity?.Dispose();
        }
    }
}
