using System.Text;
using CsvHelper;

namespace DealPipeline.Api.Features.Exports;

/// <summary>
/// Writes an export as CSV: UTF-8 with a byte-order mark (so that Excel reads Chinese), one header
/// row, flushed as it goes. A value that starts with =, +, -, @, a tab or a carriage return is
/// written with a leading apostrophe, so that a spreadsheet shows it as text instead of running it
/// as a formula (CsvHelper's injection escaping). Timestamps are China Standard Time to the second.
/// </summary>
public static class CsvExport
{
    private const int FlushEvery = 500;

    /// <summary>Writes the header and every row; answers how many rows were written.</summary>
    public static async Task<long> WriteAsync<T>(Stream body, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, ExportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(context);
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        var configuration = new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape };
        await using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(context.Chinese ? column.Zh + (column.Kind == CellKind.Money ? "（元）" : "") : column.Key);
        }

        await csv.NextRecordAsync();
        var written = 0L;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var column in columns)
            {
                csv.WriteField(Text(column.Value(row, context), column.Kind, context.Chinese));
            }

            await csv.NextRecordAsync();
            if (++written % FlushEvery == 0)
            {
                await csv.FlushAsync();
                await writer.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync();
        await writer.FlushAsync(cancellationToken);
        return written;
    }

    private static string? Text(object? value, CellKind kind, bool chinese) => value switch
    {
        null => null,
        bool flag => chinese ? (flag ? "是" : "否") : (flag ? "true" : "false"),
        decimal amount => amount.ToString("0.00", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => TimeZoneInfo.ConvertTime(at, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ when kind == CellKind.Text => value.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
