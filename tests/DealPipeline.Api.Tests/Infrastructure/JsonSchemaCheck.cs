using System.Text.Json.Nodes;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>Just enough JSON Schema to catch a payload and its documentation drifting apart: types, required and known members.</summary>
public static class JsonSchemaCheck
{
    public static List<string> Mismatches(JsonNode document, JsonNode schema, JsonNode? value, string path)
    {
        if (schema["$ref"] is { } reference)
        {
            schema = document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!;
        }

        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        var problems = new List<string>();
        var actual = value switch
        {
            null => "null",
            JsonObject => "object",
            JsonArray => "array",
            _ when value.GetValueKind() == System.Text.Json.JsonValueKind.String => "string",
            _ when value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
            _ => "number",
        };
        if (types.Count > 0 && !types.Contains(actual) && !(actual == "number" && types.Contains("integer")))
        {
            problems.Add($"{path} is {actual}, documented as {string.Join("|", types)}");
        }

        if (value is JsonObject obj && schema["properties"] is JsonObject properties)
        {
            foreach (var required in schema["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    problems.Add($"{path}.{required} is required but absent");
                }
            }

            foreach (var (name, member) in obj)
            {
                if (properties[name] is { } memberSchema)
                {
                    problems.AddRange(Mismatches(document, memberSchema, member, $"{path}.{name}"));
                }
                else
                {
                    problems.Add($"{path}.{name} is not documented");
                }
            }
        }

        if (value is JsonObject map && schema["properties"] is null && schema["additionalProperties"] is JsonObject each)
        {
            foreach (var (name, member) in map)
            {
                problems.AddRange(Mismatches(document, each, member, $"{path}.{name}"));
            }
        }

        if (value is JsonArray list && schema["items"] is { } items)
        {
            for (var i = 0; i < list.Count; i++)
            {
                problems.AddRange(Mismatches(document, items, list[i], $"{path}[{i}]"));
            }
        }

        return problems;
    }
}
