using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DealPipeline.Api.Http;

/// <summary>Makes the generated schemas say exactly what goes over the wire.</summary>
public sealed class OpenApiSchemaFixes : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;

        // Timestamps are written by our own converter: strings, UTC, ISO 8601.
        if (type == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String | (context.JsonTypeInfo.Type != type ? JsonSchemaType.Null : 0);
            schema.Format = "date-time";
        }

        // Amounts and rates are decimals, exact in JSON (money to two places): say so, so that generators pick a decimal type, not a double.
        if (type == typeof(decimal))
        {
            schema.Format = "decimal";
        }

        // Text goes through the service's own converter (CleanText), which hides its type from the generator: it is a string.
        if (type == typeof(string) && schema.Type is null)
        {
            var nullable = context.JsonPropertyInfo?.AttributeProvider is System.Reflection.PropertyInfo property
                && new System.Reflection.NullabilityInfoContext().Create(property).ReadState == System.Reflection.NullabilityState.Nullable;
            schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : 0);
        }

        // Enums travel as their camelCase names (see Json): say so, with every name.
        // Business dates are written by our own converter too: YYYY-MM-DD strings.
        if (type == typeof(DateOnly))
        {
            schema.Type = JsonSchemaType.String | (context.JsonTypeInfo.Type != type ? JsonSchemaType.Null : 0);
            schema.Format = "date";
        }

        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String | (context.JsonTypeInfo.Type != type ? JsonSchemaType.Null : 0);
            schema.Format = null;
            schema.Enum = [.. Enum.GetValues(type).Cast<Enum>().Select(v => (System.Text.Json.Nodes.JsonNode)JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))];
            if (context.JsonTypeInfo.Type != type)
            {
                schema.Enum.Add(null!);
            }
        }

        // Audit rows carry the entity's fields as they were: any JSON but null, which the member's own oneOf adds.
        if (type == typeof(JsonElement))
        {
            schema.Type = JsonSchemaType.Object | JsonSchemaType.Array | JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Boolean;
            schema.Description = "The entity's fields as JSON.";
            schema.Items = new OpenApiSchema();
        }

        // Lists of text (webhook events, changed fields): the converter hides the item type from the generator.
        if (context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Enumerable && schema.Items is null && context.JsonTypeInfo.ElementType == typeof(string))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        // Lists of business dates (a calendar's holidays): written by the same converter, YYYY-MM-DD each.
        if (context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Enumerable && schema.Items is null && context.JsonTypeInfo.ElementType == typeof(DateOnly))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" };
        }

        // Problems are written by ProblemWriter: type, title, status, traceId and code always; errors per field on most 400s; survivorId on company.merged.
        if (type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) || type == typeof(HttpValidationProblemDetails))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's W3C trace context (traceparent); the log lines of the request carry its trace id." };
            schema.Properties["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "A stable code to branch on: a domain rule's (stage.same, deal.notActive …) or the status's (validation, notFound, preconditionFailed …); see docs/errors.md.",
            };
            schema.Properties["survivorId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int64",
                Description = "On company.merged only: the company the one asked for was merged into, to use instead (a read's Location points at it).",
            };
            foreach (var always in new[] { "type", "title" })
            {
                if (schema.Properties.TryGetValue(always, out var member) && member is OpenApiSchema text)
                {
                    text.Type = JsonSchemaType.String;
                }
            }

            if (schema.Properties.TryGetValue("status", out var status) && status is OpenApiSchema number)
            {
                number.Type = JsonSchemaType.Integer;
            }

            if (schema.Properties.TryGetValue("errors", out var errors) && errors is OpenApiSchema perField)
            {
                perField.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            schema.Required = new HashSet<string>(["type", "title", "status", "traceId", "code"]);
        }

        // Answers carry every member, null or not (nothing is omitted when null unless the member says so): all are required.
        // Types that mark their own required members (C# required: webhook payloads, which leave nulls out) keep them.
        // Request bodies are left to their validators' rules (OpenApiRequestBodies).
        if (context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object
            && schema.Properties is { Count: > 0 }
            && !RequestBodyTypes(context.ApplicationServices).Contains(type)
            && !context.JsonTypeInfo.Properties.Any(p => p.IsRequired)
            && type != typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) && type != typeof(HttpValidationProblemDetails))
        {
            schema.Required = new HashSet<string>(context.JsonTypeInfo.Properties
                .Where(p => p.ShouldSerialize is null && !OmittedWhenNull(p))
                .Select(p => p.Name)
                .Where(schema.Properties.ContainsKey));
        }

        // A polymorphic type written without "$type" (a list item that is a deal or its tombstone) has no discriminator:
        // its kinds are told apart by their members ('deleted', always true and only on a tombstone).
        if (type.IsAbstract && type.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonDerivedTypeAttribute), false)
                .OfType<System.Text.Json.Serialization.JsonDerivedTypeAttribute>().All(d => d.TypeDiscriminator is null))
        {
            schema.Discriminator = null;
        }

        if (typeof(ITombstone).IsAssignableFrom(type) && schema.Properties?.TryGetValue("deleted", out var deleted) == true && deleted is OpenApiSchema flag)
        {
            flag.Enum = [System.Text.Json.Nodes.JsonValue.Create(true)];
            flag.Description = "Always true: the row was deleted. A row that exists has no such member.";
        }

        return Task.CompletedTask;
    }

    private static bool OmittedWhenNull(System.Text.Json.Serialization.Metadata.JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), false)
            .OfType<System.Text.Json.Serialization.JsonIgnoreAttribute>()
            .Any(a => a.Condition is System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull or System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault) == true;

    private static HashSet<Type>? _requestBodyTypes;

    /// <summary>The types some operation reads as its body.</summary>
    private static HashSet<Type> RequestBodyTypes(IServiceProvider services) =>
        _requestBodyTypes ??= [.. services.GetRequiredService<Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionGroupCollectionProvider>()
            .ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .SelectMany(d => d.ParameterDescriptions)
            .Where(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body && p.Type is not null)
            .Select(p => p.Type)];
}

/// <summary>
/// An enum's shared schema is never nullable: members that may be null refer to it inside
/// <c>oneOf: [null, enum]</c>, and a nullable shared schema would let null match both.
/// </summary>
public sealed class OpenApiSharedEnums : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Enum is { Count: > 0 } && schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
            {
                schema.Type = type & ~JsonSchemaType.Null;
                schema.Enum = [.. schema.Enum.Where(value => value is not null)];
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Drops the component schemas nothing refers to (the generator registers a PATCH body's type
/// before <see cref="OpenApiRequestBodies"/> replaces it with its merge patch).
/// </summary>
public sealed class OpenApiUnusedSchemas : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Components?.Schemas is not { } schemas)
        {
            return Task.CompletedTask;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        void Visit(IOpenApiSchema? schema)
        {
            switch (schema)
            {
                case OpenApiSchemaReference reference when reference.Reference.Id is { } id:
                    if (used.Add(id))
                    {
                        pending.Push(id);
                    }

                    break;
                case OpenApiSchema inline:
                    foreach (var member in (inline.Properties?.Values ?? []).Concat(inline.AllOf ?? []).Concat(inline.AnyOf ?? []).Concat(inline.OneOf ?? []))
                    {
                        Visit(member);
                    }

                    Visit(inline.Items);
                    Visit(inline.AdditionalProperties);
                    Visit(inline.Not);
                    break;
            }
        }

        var items = (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>()).Concat(document.Webhooks?.Values ?? Enumerable.Empty<IOpenApiPathItem>());
        var operations = items.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>());
        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Visit(parameter.Schema);
            }

            var responses = operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>();
            foreach (var media in (operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>()).Concat(responses.SelectMany(r => r.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())))
            {
                Visit(media.Schema);
            }

            foreach (var header in responses.SelectMany(r => r.Headers?.Values ?? Enumerable.Empty<IOpenApiHeader>()))
            {
                Visit(header.Schema);
            }
        }

        while (pending.TryPop(out var id))
        {
            Visit(schemas.TryGetValue(id, out var target) ? target as OpenApiSchema : null);
        }

        foreach (var unused in schemas.Keys.Where(k => !used.Contains(k)).ToList())
        {
            schemas.Remove(unused);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Query parameters are documented in camelCase, as clients send them (binding ignores case).</summary>
public sealed class OpenApiOperationFixes : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name)
            {
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>What an incremental pull answers for a deleted row: its id, when, and deleted (always true).</summary>
public interface ITombstone
{
    bool Deleted { get; }
}
