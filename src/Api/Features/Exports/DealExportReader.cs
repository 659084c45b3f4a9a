using System.Text;
using CsvHelper;

namespace DealPipeline.Api.Features.Exports;

/// <summary>
/// Streams a prepared deals export in keyset chunks of <see cref="ChunkSize"/> deals, each chunk its own
/// short query, outside the request pipeline. A single long read would hold one snapshot for as long as the
/// client takes to download, and on SQLite no write-ahead-log frame can be checkpointed behind a snapshot:
/// one stalled download grew the WAL by hundreds of MiB. Between chunks nothing is held. Each chunk sees the
/// database as it is when read, so a deal changed during a long export appears as it was when its chunk was
/// read (never twice, never skipped: chunks follow the id).
/// </summary>
public sealed class DealExportReader(DbSession session)
{
    public const int ChunkSize = 1000;

    public async IAsyncEnumerable<ExportDeals.Row> ReadAsync(ExportDeals.Plan plan, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var after = 0L;
        while (true)
        {
            plan.Args.Add("after", after);
            var chunk = (await session.QueryAsync<ExportDeals.Row>(plan.Sql, plan.Args, cancellationToken)).ToList();
            foreach (var row in chunk)
            {
                yield return row;
            }

            if (chunk.Count < ChunkSize)
            {
                yield break;
            }

            after = chunk[^1].Id;
        }
    }
}
