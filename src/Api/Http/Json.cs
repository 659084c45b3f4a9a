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
        options.Converters.Add(new StrictEnumConverter());
        options.Converters.Add(new UtcTimestampConverter());
        options.Converters.Add(new BusinessDateConverter());
        options.Converters.Add(new CleanTextConverter());
        options.MaxDepth = 32;

        // {"name":"a","name":"b"} is ambiguous (which one did the client mean?): refused, not last-wins.
        options.AllowDuplicateProperties = false;
    }

    /// <summary>The same strictness for bodies parsed as documents (merge patches).</summary>
    public static JsonDocumentOptions DocumentOptions => new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>
    /// Enums as their exact camelCase names, both ways: "onHold" is read, "OnHold", "onhold" and 2 are
    /// not (the framework's converter would accept any case and, unless told, numbers).
    /// </summary>
    private sealed class StrictEnumConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Strict<>).MakeGenericType(typeToConvert))!;

        private sealed class Strict<T> : JsonConverter<T>
            where T : struct, Enum
        {
            private static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(Domain.Names.Of, v => v, StringComparer.Ordinal);
            private static readonly Dictionary<T, string> NameOf = ByName.ToDictionary(p => p.Value, p => p.Key);

            // Said here: the reader's own message names the type that holds the value (TransitionBody), not the enum.
            private static readonly Message Expected = ProblemTexts.OneValues.With(("values", string.Join(", ", ByName.Keys)));

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && ByName.TryGetValue(name, out var value)
                    ? value
                    : throw new SaidJsonException(Expected, isKind: true);

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                writer.WriteStringValue(NameOf.TryGetValue(value, out var name) ? name : throw new JsonException($"{typeof(T).Name} has no value {value}."));
        }
    }

    /// <summary>
    /// Dates written YYYY-MM-DD and within <see cref="BusinessDates"/>: a date in 9999 is a typo
    /// that would otherwise break every report that adds a year to it.
    /// </summary>
    private sealed class BusinessDateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String
                || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new JsonException("The value could not be converted to System.DateOnly.");
            }

            return BusinessDates.Contains(date) ? date : throw new SaidJsonException(BusinessDates.OutOfRange);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Text as <see cref="CleanText"/> accepts it; anything else is a 400 naming the field.</summary>
    private sealed class CleanTextConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("The value could not be converted to System.String.");
            }

            string text;
            try
            {
                text = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // "\ud800": an escaped lone surrogate is valid JSON but no text.
                throw new SaidJsonException(ProblemTexts.TextMayNotContainControlCharacters);
            }

            return CleanText.IsClean(text) ? text : throw new SaidJsonException(ProblemTexts.TextMayNotContainControlCharacters);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
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
