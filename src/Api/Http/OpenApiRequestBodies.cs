using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DealPipeline.Api.Http;

/// <summary>
/// Request bodies as the service reads them: the members a request must send and an example
/// (both from the body's <see cref="IRequestBody"/>), and for a PATCH a merge patch of the
/// fields the resource was created with: every member optional, null clearing an optional one.
/// </summary>
public sealed class OpenApiRequestBodies : IOpenApiOperationTransformer, IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (typeof(IRequestBody).IsAssignableFrom(context.JsonTypeInfo.Type) && schema.Properties is not null)
        {
            schema.Required = new HashSet<string>(RequiredOf(context.JsonTypeInfo.Type).Where(schema.Properties.ContainsKey), StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (operation.RequestBody is not OpenApiRequestBody body || body.Content is null)
        {
            return;
        }

        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<FileBody>().FirstOrDefault() is { } file)
        {
            body.Required = true;
            body.Description = file.Description;
            foreach (var (mediaType, media) in body.Content)
            {
                media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = mediaType.StartsWith("text/", StringComparison.Ordinal) ? null : "binary" };
                media.Example = file.Examples.TryGetValue(mediaType, out var text) ? JsonValue.Create(text) : JsonValue.Create("(the file's bytes)");
            }

            return;
        }

        var type = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body)?.Type
            ?? context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().FirstOrDefault()?.RequestType;
        if (type is null || !typeof(IRequestBody).IsAssignableFrom(type))
        {
            return;
        }

        var options = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var value = ExampleOf(type);
        var example = JsonSerializer.SerializeToNode(value, value.GetType(), options)!.AsObject();
        foreach (var unset in example.Where(m => m.Value is null).Select(m => m.Key).ToList())
        {
            example.Remove(unset);
        }

        if (context.Description.HttpMethod == "PATCH")
        {
            var fields = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
            var patch = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "A JSON merge patch (RFC 7396): the members to change, any subset; null clears an optional member. Members the resource was not created with (id, version …) are a 400.",
                Properties = fields.Properties?.Where(p => example.ContainsKey(p.Key) || !IsReadOnly(p.Key)).ToDictionary(p => p.Key, p => p.Value),
                AdditionalPropertiesAllowed = false,
            };
            var first = example.First(m => patch.Properties?.ContainsKey(m.Key) == true);
            var patchExample = new JsonObject { [first.Key] = first.Value?.DeepClone() };
            foreach (var media in body.Content.Values)
            {
                media.Schema = patch;
                media.Example = patchExample;
            }
        }
        else
        {
            body.Required = true;
            foreach (var media in body.Content.Values)
            {
                media.Example = example;
            }
        }
    }

    private static bool IsReadOnly(string member) => member is "id" or "version" or "createdAt" or "updatedAt";

    private static IReadOnlyList<string> RequiredOf(Type type) =>
        (IReadOnlyList<string>)typeof(OpenApiRequestBodies).GetMethod(nameof(RequiredOfBody), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, null)!;

    private static object ExampleOf(Type type) =>
        typeof(OpenApiRequestBodies).GetMethod(nameof(ExampleOfBody), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, null)!;

    private static IReadOnlyList<string> RequiredOfBody<T>()
        where T : IRequestBody => T.Required;

    private static object ExampleOfBody<T>()
        where T : IRequestBody => T.Example;
}

/// <summary>Endpoint metadata: the body is a file (a ledger to import), described and exemplified per media type for the OpenAPI document.</summary>
public sealed record FileBody(string Description, IReadOnlyDictionary<string, string> Examples);
