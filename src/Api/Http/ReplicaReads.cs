namespace DealPipeline.Api.Http;

/// <summary>
/// Endpoint metadata: the request only reads, and may read a replica that lags the primary a
/// little (reports, exports). Everything of such a request, its data version (the ETag) included,
/// is read from the replica, so an ETag never claims data the answer does not hold.
/// </summary>
public sealed class ReadsReplica
{
    public static readonly ReadsReplica Instance = new();
}

public static class ReplicaReads
{
    public static TBuilder ReadsReplica<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Http.ReadsReplica.Instance);

    /// <summary>Points the request's session at the replica when its endpoint says it may.</summary>
    public static IApplicationBuilder UseReplicaReads(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ReadsReplica>() is not null)
            {
                await context.RequestServices.GetRequiredService<DbSession>().PreferReplicaAsync();
            }

            await next(context);
        });
}
