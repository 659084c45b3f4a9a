using System.Text.Json;
using DealPipeline.Api.Application;
using DealPipeline.Api.Http;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;

namespace DealPipeline.Api.Features.Common;

/// <summary>A row of reference data with its version: its ETag, and If-Match of a correction.</summary>
public interface IVersioned
{
    long Id { get; }

    int Version { get; }
}

/// <summary>
/// Reading one row of reference data (park, sector, team, user, company) and correcting it with a
/// JSON merge patch: the same steps for each, so that every Location the API answers can be followed
/// and a misspelt name corrected. A resource's writable fields are its create command, so a
/// correction is checked by the very validator that checked the creation.
/// </summary>
public static class ReferenceData
{
    /// <summary>The row with this id, or a 404 naming the resource.</summary>
    public static async Task<T> GetAsync<T>(DbSession session, string selectFrom, long id, string resource, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<T>($"{selectFrom} WHERE id = @id", new { id }, cancellationToken)
        ?? throw ProblemException.NotFound(resource, id);

    /// <summary>The fields after the patch, once If-Match and the fields' validator agree; a 412 or a 400 otherwise.</summary>
    public static async Task<TFields> MergeAsync<TFields>(
        TFields current, int version, JsonElement patch, IfMatch? ifMatch, IValidator<TFields> validator, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        if (ifMatch?.Allows(version) == false)
        {
            throw ProblemException.PreconditionFailed(version);
        }

        var merged = MergePatch.Apply(current, patch, options, NotPatchable);
        var result = await validator.ValidateAsync(merged, cancellationToken);
        return result.IsValid ? merged : throw new ValidationException(result.Errors);
    }

    /// <summary>Writes the corrected row if nobody changed it meanwhile (412 otherwise); a name taken by another row is a 409.</summary>
    public static async Task UpdateAsync(DbSession session, string table, string set, IVersioned current, object fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(current);
        var args = new Dapper.DynamicParameters(fields);
        args.Add("id", current.Id);
        args.Add("version", current.Version);
        var updated = await session.ExecuteAsync($"UPDATE {table} SET {set}, version = version + 1 WHERE id = @id AND version = @version", args, cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.PreconditionFailed(current.Version + 1);
        }
    }

    /// <summary>Maps GET /{id} (its ETag the row's version) and PATCH /{id} (merge patch, If-Match) for one kind of reference data.</summary>
    /// <returns>The PATCH endpoint, for conventions of its own.</returns>
    public static RouteHandlerBuilder MapReadAndCorrect<T>(this RouteGroupBuilder group, string resource, string patchPolicy, Func<long, IRequest<T>> get, Func<long, JsonElement, IfMatch?, IRequest<T>> patch)
        where T : IVersioned
    {
        ArgumentNullException.ThrowIfNull(group);
        var name = char.ToUpperInvariant(resource[0]) + resource[1..];
        group.MapGet("/{id:long}", async (long id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var found = await mediator.Send(get(id), ct);
                return ETags.Ok(response, found, found.Version);
            })
            .WithName("Get" + name).Allow(Http.Security.Policies.Read)
            .WithSummary($"Reads one {resource}; its ETag is its version, for If-Match.")
            .WithProblems(404);
        return group.MapPatch("/{id:long}", async (long id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
            {
                var body = await MergePatch.ReadAsync(request, ct);
                var changed = await mediator.Send(patch(id, body, ETags.ExpectedVersion(request)), ct);
                return ETags.Ok(response, changed, changed.Version);
            })
            .Accepts<T>(MergePatch.MediaType, "application/json")
            .WithName("Patch" + name).Allow(patchPolicy)
            .WithSummary($"Corrects a {resource} with a JSON merge patch (RFC 7396) of the fields it was created with; If-Match guards against lost updates.")
            .WithProblems(400, 404, 409, 412);
    }

    private static readonly Dictionary<string, string> NotPatchable = new(StringComparer.Ordinal)
    {
        ["id"] = "The id is set by the server.",
        ["version"] = "The version is set by the server; send it as If-Match to guard a change.",
    };
}
