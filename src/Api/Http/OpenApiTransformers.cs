using System.Text.Json;
using DealPipeline.Api.Features.Deals;
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

        // Text goes through the service's own converter (CleanText), which hides its type from the generator: it is a string.
        if (type == typeof(string) && schema.Type is null)
        {
            var nullable = context.JsonPropertyInfo?.AttributeProvider is System.Reflection.PropertyInfo property
                && new System.Reflection.NullabilityInfoContext().Create(property).ReadState == System.Reflection.NullabilityState.Nullable;
            schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : 0);
        }

        // Enums travel as their camelCase names (see Json): say so, with every name.
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String | (context.JsonTypeInfo.Type != type ? JsonSchemaType.Null : 0);
            schema.Format = null;
            schema.Enum = [.. Enum.GetValues(type).Cast<Enum>().Select(v => (System.Text.Json.Nodes.JsonNode)JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))];
        }

        // A list item is a deal or a tombstone, told apart by 'deleted'; no "$type" is written.
        if (type == typeof(DealListItem))
        {
            schema.Discriminator = null;
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
