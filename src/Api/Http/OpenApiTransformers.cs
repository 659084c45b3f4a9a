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
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String | (context.JsonTypeInfo.Type != type ? JsonSchemaType.Null : 0);
            schema.Format = null;
            schema.Enum = [.. Enum.GetValues(type).Cast<Enum>().Select(v => (System.Text.Json.Nodes.JsonNode)JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))];
        }

        // Problems are written by ProblemWriter: type, title, status, traceId and code always; errors per field on most 400s.
        if (type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) || type == typeof(HttpValidationProblemDetails))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's W3C trace context (traceparent); the log lines of the request carry its trace id." };
            schema.Properties["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "A stable code to branch on: a domain rule's (stage.same, deal.notActive …) or the status's (validation, notFound, preconditionFailed …); see docs/errors.md.",
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
