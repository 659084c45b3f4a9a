using System.Text.Json.Nodes;

namespace DealPipeline.Api.Http;

/// <summary>Reads a JSON merge patch body (application/merge-patch+json or application/json).</summary>
public static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    public static async Task<JsonElement> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(type, MediaType, StringComparison.OrdinalIgnoreCase) && !string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, ProblemTexts.UnsupportedMediaType, ProblemTexts.SendPatchTypeApplicationJson.With(("type", MediaType)));
        }

        using var document = await JsonDocument.ParseAsync(request.Body, Json.DocumentOptions, cancellationToken);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Applies a merge patch (RFC 7396) to the patchable fields <paramref name="current"/>: a member
    /// replaces a field, null clears it. A member naming a field in <paramref name="notPatchable"/>
    /// (with the reason) or no field at all is a 400 listing every such member; a value of the wrong
    /// type is a 400 from deserialization.
    /// </summary>
    public static T Apply<T>(T current, JsonElement patch, JsonSerializerOptions options, IReadOnlyDictionary<string, Text> notPatchable)
    {
        ArgumentNullException.ThrowIfNull(notPatchable);
        if (patch.ValueKind != JsonValueKind.Object)
        {
            throw ProblemException.Invalid("$", ProblemTexts.MergePatchJSONObjectFieldsChange);
        }

        var merged = JsonSerializer.SerializeToNode(current, options)!.AsObject();
        var errors = new Dictionary<string, Message[]>();
        foreach (var member in patch.EnumerateObject())
        {
            if (notPatchable.TryGetValue(member.Name, out var why))
            {
                errors[member.Name] = [why];
            }
            else if (!merged.ContainsKey(member.Name))
            {
                errors[member.Name] = [ProblemTexts.UnknownField];
            }
            else if (member.Value.ValueKind == JsonValueKind.String && !IsCleanString(member.Value))
            {
                errors[member.Name] = [ProblemTexts.TextMayNotContainControlCharacters];
            }
            else
            {
                merged[member.Name] = JsonNode.Parse(member.Value.GetRawText());
            }
        }

        if (errors.Count > 0)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, ProblemTexts.ValidationFailed, ProblemTexts.PatchNamesFieldsCannotPatched, errors);
        }

        return merged.Deserialize<T>(options)!;
    }

    /// <summary>A string member holds text (no lone surrogate, which cannot even be read as a string) that <see cref="CleanText"/> accepts.</summary>
    private static bool IsCleanString(JsonElement value)
    {
        try
        {
            return CleanText.IsClean(value.GetString()!);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
