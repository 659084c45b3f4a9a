using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DealPipeline.Api.Http;

public static class Json
{
    /// <summary>
    /// camelCase names; enums as camelCase strings only (a number or an unknown name is a 400);
    /// unknown properties are refused rather than silently dropped, so a typo or a field the
    /// client may not set (id, version, stage …) is a clear 400, never a silent no-op.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcTimestampConverter());
        options.MaxDepth = 32;
    }

    /// <summary>Timestamps are written in UTC with a 'Z' (2026-11-22T08:30:00.1234567Z).</summary>
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
    }
}
