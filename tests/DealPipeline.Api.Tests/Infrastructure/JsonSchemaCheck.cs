using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>
/// JSON Schema (2020-12, as OpenAPI 3.1 uses it) over <see cref="JsonNode"/>: the keywords the
/// service's document uses: $ref, type, properties, required, additionalProperties, items, enum,
/// const, oneOf/anyOf/allOf, minimum/maximum, minLength/maxLength/pattern, and the formats date,
/// date-time, int32, int64 and decimal. No validator restores from this machine's feed
/// (JsonSchema.Net and NJsonSchema lack dependencies there), hence this one; a keyword it does
/// not know is reported, so the document cannot outgrow it unnoticed.
/// </summary>
public static class JsonSchemaCheck
{
    private static readonly HashSet<string> Known =
    [
        "$ref", "type", "properties", "required", "additionalProperties", "items", "enum", "const", "oneOf", "anyOf", "allOf",
        "minimum", "maximum", "minLength", "maxLength", "pattern", "format", "description", "default", "example", "examples",
        "discriminator", "title", "readOnly", "writeOnly", "deprecated", "externalDocs", "minItems", "maxItems", "nullable",
    ];

    public static List<string> Mismatches(JsonNode document, JsonNode schema, JsonNode? value, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<string>();
        Check(document, schema, value, path, problems);
        return problems;
    }

    private static void Check(JsonNode document, JsonNode schema, JsonNode? value, string path, List<string> problems)
    {
        if (schema is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            if (!flag.GetValue<bool>())
            {
                problems.Add($"{path} is not allowed");
            }

            return;
        }

        if (schema is not JsonObject keywords)
        {
            problems.Add($"{path}: the schema is not an object");
            return;
        }

        foreach (var (keyword, _) in keywords)
        {
            if (!Known.Contains(keyword) && !keyword.StartsWith("x-", StringComparison.Ordinal))
            {
                problems.Add($"{path}: the checker does not know the keyword {keyword}");
            }
        }

        if (keywords["$ref"] is { } reference)
        {
            Check(document, Resolve(document, reference.GetValue<string>()), value, path, problems);
        }

        var kind = KindOf(value);
        if (keywords["type"] is { } type)
        {
            var types = type is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            var integral = kind == "number" && value!.AsValue().TryGetValue<decimal>(out var number) && decimal.Truncate(number) == number;
            if (!types.Contains(kind) && !(kind == "number" && integral && types.Contains("integer")))
            {
                problems.Add($"{path} is {Describe(value)}, documented as {string.Join("|", types)}");
                return;
            }
        }

        if (keywords["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            problems.Add($"{path} is {Describe(value)}, not one of {values.ToJsonString()}");
        }

        if (keywords.ContainsKey("const") && !JsonNode.DeepEquals(keywords["const"], value))
        {
            problems.Add($"{path} is {Describe(value)}, documented as the constant {keywords["const"]?.ToJsonString() ?? "null"}");
        }

        if (keywords["allOf"] is JsonArray all)
        {
            foreach (var each in all)
            {
                Check(document, each!, value, path, problems);
            }
        }

        if (keywords["anyOf"] is JsonArray any && !any.Any(each => Mismatches(document, each!, value, path).Count == 0))
        {
            problems.Add($"{path} ({Describe(value)}) matches none of anyOf: {Closest(document, any, value, path)}");
        }

        if (keywords["oneOf"] is JsonArray one)
        {
            var matching = one.Count(each => Mismatches(document, each!, value, path).Count == 0);
            if (matching != 1)
            {
                problems.Add(matching == 0
                    ? $"{path} ({Describe(value)}) matches none of oneOf: {Closest(document, one, value, path)}"
                    : $"{path} ({Describe(value)}) matches {matching} of oneOf, which must match exactly one");
            }
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(document, keywords, obj, path, problems);
                break;
            case JsonArray list:
                CheckArray(document, keywords, list, path, problems);
                break;
            case JsonValue scalar when kind == "string":
                CheckString(keywords, scalar.GetValue<string>(), path, problems);
                break;
            case JsonValue scalar when kind == "number":
                CheckNumber(keywords, scalar, path, problems);
                break;
        }
    }

    private static void CheckObject(JsonNode document, JsonObject keywords, JsonObject obj, string path, List<string> problems)
    {
        foreach (var required in keywords["required"]?.AsArray() ?? [])
        {
            if (!obj.ContainsKey(required!.GetValue<string>()))
            {
                problems.Add($"{path}.{required} is required but absent");
            }
        }

        var properties = keywords["properties"] as JsonObject;
        var additional = keywords["additionalProperties"];
        foreach (var (name, member) in obj)
        {
            if (properties?[name] is { } memberSchema)
            {
                Check(document, memberSchema, member, $"{path}.{name}", problems);
            }
            else if (additional is not null)
            {
                Check(document, additional, member, $"{path}.{name}", problems);
            }
            else if (properties is not null && !keywords.ContainsKey("allOf") && !keywords.ContainsKey("anyOf") && !keywords.ContainsKey("oneOf"))
            {
                // The document lists an object's members; one it does not list is drift, even where extra members would be legal JSON Schema.
                problems.Add($"{path}.{name} is not documented");
            }
        }
    }

    private static void CheckArray(JsonNode document, JsonObject keywords, JsonArray list, string path, List<string> problems)
    {
        if (keywords["items"] is { } items)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Check(document, items, list[i], $"{path}[{i}]", problems);
            }
        }

        if (keywords["minItems"] is { } min && list.Count < min.GetValue<int>())
        {
            problems.Add($"{path} has {list.Count} items, fewer than {min}");
        }

        if (keywords["maxItems"] is { } max && list.Count > max.GetValue<int>())
        {
            problems.Add($"{path} has {list.Count} items, more than {max}");
        }
    }

    private static void CheckString(JsonObject keywords, string text, string path, List<string> problems)
    {
        var length = text.EnumerateRunes().Count();
        if (keywords["minLength"] is { } min && length < min.GetValue<int>())
        {
            problems.Add($"{path} has {length} characters, fewer than {min}");
        }

        if (keywords["maxLength"] is { } max && length > max.GetValue<int>())
        {
            problems.Add($"{path} has {length} characters, more than {max}");
        }

        if (keywords["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            problems.Add($"{path} \"{text}\" does not match {pattern}");
        }

        var ok = keywords["format"]?.GetValue<string>() switch
        {
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date-time" => Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.None, TimeSpan.FromSeconds(1))
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            _ => true,
        };
        if (!ok)
        {
            problems.Add($"{path} \"{text}\" is not a {keywords["format"]}");
        }
    }

    private static void CheckNumber(JsonObject keywords, JsonValue scalar, string path, List<string> problems)
    {
        if (!scalar.TryGetValue<decimal>(out var number))
        {
            problems.Add($"{path} is a number out of the decimal range");
            return;
        }

        if (keywords["minimum"] is { } min && number < Number(min))
        {
            problems.Add($"{path} is {number}, below the minimum {min}");
        }

        if (keywords["maximum"] is { } max && number > Number(max))
        {
            problems.Add($"{path} is {number}, above the maximum {max}");
        }

        var format = keywords["format"]?.GetValue<string>();
        if ((format == "int32" && (number != decimal.Truncate(number) || number is < int.MinValue or > int.MaxValue))
            || (format == "int64" && (number != decimal.Truncate(number) || number is < long.MinValue or > long.MaxValue)))
        {
            problems.Add($"{path} is {number}, not an {format}");
        }
    }

    private static decimal Number(JsonNode bound) =>
        bound.GetValueKind() == JsonValueKind.String
            ? decimal.Parse(bound.GetValue<string>(), CultureInfo.InvariantCulture)
            : bound.GetValue<decimal>();

    private static JsonNode Resolve(JsonNode document, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Only local references are supported, not {reference}.");
        }

        var node = document;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"{reference} does not resolve.");
        }

        return node;
    }

    private static string Closest(JsonNode document, JsonArray alternatives, JsonNode? value, string path) =>
        string.Join(" / ", alternatives.Select(each => Mismatches(document, each!, value, path).FirstOrDefault()));

    private static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "number",
        },
    };

    private static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
