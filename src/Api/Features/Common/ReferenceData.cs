namespace DealPipeline.Api.Features.Common;

/// <summary>
/// Reading one row of reference data (park, sector, team, user, company) and correcting it with a
/// JSON merge patch: the same steps for each, so that every Location the API answers can be followed
/// and a misspelt name corrected. A resource's writable fields are its create command, so a
/// correction is checked by the very validator that checked the creation.
/// </summary>
public static class ReferenceData
{
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

    /// <summary>
    /// Maps the four endpoints of one kind of reference data (a park, team, company or sector): POST / with
    /// <typeparamref name="TCreate"/> (its operation named after it), GET / with <typeparamref name="TList"/>, and GET and
    /// PATCH /{id}. Creating and correcting need <paramref name="writePolicy"/>; reading, any key.
    /// </summary>
    /// <returns>The PATCH endpoint, for conventions of its own.</returns>
    public static RouteHandlerBuilder MapReferenceData<TCreate, TList, T>(
        this RouteGroupBuilder group,
        string resource,
        string writePolicy,
        (string Create, string List) summaries,
        Func<long, IRequest<T>> get,
        Func<long, JsonElement, IfMatch?, IRequest<T>> patch,
        int[]? readProblems = null)
        where TCreate : class, IRequest<T>, Http.IRequestBody
        where TList : IRequest<Page<T>>
        where T : IVersioned
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapCreate<TCreate, T>().Describe(typeof(TCreate).Name, writePolicy, summaries.Create).WithProblems(400, 409);
        group.MapQuery<TList, Page<T>>("/").Describe(typeof(TList).Name, Http.Security.Policies.Read, summaries.List).WithProblems(400);
        return group.MapReadAndCorrect<T, TCreate>(resource, writePolicy, get, patch, readProblems: readProblems);
    }

    /// <summary>Maps GET /{id} (its ETag the row's version; answering <paramref name="readProblems"/> beside 404) and PATCH /{id} (merge patch, If-Match) for one kind of reference data.</summary>
    /// <returns>The PATCH endpoint, for conventions of its own.</returns>
    public static RouteHandlerBuilder MapReadAndCorrect<T, TFields>(
        this RouteGroupBuilder group,
        string resource,
        string patchPolicy,
        Func<long, IRequest<T>> get,
        Func<long, JsonElement, IfMatch?, IRequest<T>> patch,
        string readPolicy = Http.Security.Policies.Read,
        string? operationName = null,
        int[]? readProblems = null)
        where T : IVersioned
        where TFields : Http.IRequestBody
    {
        ArgumentNullException.ThrowIfNull(group);
        var name = operationName ?? char.ToUpperInvariant(resource[0]) + resource[1..];
        group.MapRead(get).Describe("Get" + name, readPolicy, $"Reads one {resource}; its ETag is its version, for If-Match.").WithProblems([404, .. readProblems ?? []]);
        return group.MapCorrect<T, TFields>(patch)
            .Describe("Patch" + name, patchPolicy, $"Corrects a {resource} with a JSON merge patch (RFC 7396) of the fields it was created with; If-Match guards against lost updates.")
            .WithProblems(400, 404, 409, 412);
    }

    /// <summary>GET /{id}: the resource, with its version as the ETag.</summary>
    public static RouteHandlerBuilder MapRead<T>(this RouteGroupBuilder group, Func<long, IRequest<T>> get)
        where T : IVersioned =>
        group.MapGet("/{id:long}", async (long id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var found = await mediator.Send(get(id), ct);
            return ETags.Ok(response, found, found.Version);
        });

    /// <summary>PATCH /{id}: a JSON merge patch of <typeparamref name="TFields"/> with If-Match; the changed resource, with its new version as the ETag.</summary>
    public static RouteHandlerBuilder MapCorrect<T, TFields>(this RouteGroupBuilder group, Func<long, JsonElement, IfMatch?, IRequest<T>> patch)
        where T : IVersioned
        where TFields : notnull =>
        group.MapPatch("/{id:long}", async (long id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
            {
                var body = await MergePatch.ReadAsync(request, ct);
                var changed = await mediator.Send(patch(id, body, ETags.ExpectedVersion(request)), ct);
                return ETags.Ok(response, changed, changed.Version);
            })
            .Accepts<TFields>(MergePatch.MediaType, "application/json");

    internal static readonly Dictionary<string, Text> NotPatchable = new(StringComparer.Ordinal)
    {
        ["id"] = ProblemTexts.IdSetByServer,
        ["version"] = ProblemTexts.VersionSetServerSendIfMatch,
    };
}

/// <summary>Reading one row of reference data by id.</summary>
public interface IGetReference
{
    long Id { get; }
}

/// <summary>Correcting one row of reference data with a merge patch.</summary>
public interface IPatchReference
{
    long Id { get; }

    JsonElement Patch { get; }

    IfMatch? ExpectedVersion { get; }
}

/// <summary>Reads the row of <typeparamref name="TRequest"/>'s id from <paramref name="select"/>; 404 when there is none.</summary>
public abstract class GetReferenceHandler<TRequest, T>(ReferenceStore rows, string select, string resource) : IRequestHandler<TRequest, T>
    where TRequest : IRequest<T>, IGetReference
{
    public Task<T> Handle(TRequest request, CancellationToken cancellationToken) =>
        rows.GetAsync<T>(select, request.Id, resource, cancellationToken);
}

/// <summary>
/// Corrects a row: reads it, merges the patch into its create command's fields, checks If-Match
/// and the create command's validator, lets the resource apply the fields (normalising them, and
/// refusing what it must), and writes them with the version moved on.
/// </summary>
public abstract class PatchReferenceHandler<TRequest, T, TFields>(
    ReferenceStore rows, IValidator<TFields> validator, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, string select, string resource, string table)
    : IRequestHandler<TRequest, T>
    where TRequest : IRequest<T>, IPatchReference
    where T : class, IVersioned
{
    public async Task<T> Handle(TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await rows.GetAsync<T>(select, request.Id, resource, cancellationToken);
        RequireCorrectable(current);
        var fields = await ReferenceData.MergeAsync(FieldsOf(current), current.Version, request.Patch, request.ExpectedVersion, validator, json.Value.SerializerOptions, cancellationToken);
        var (changed, set, columns) = await ApplyAsync(current, fields, cancellationToken);
        await rows.UpdateAsync(table, set, current, columns, cancellationToken);
        return changed;
    }

    /// <summary>Refuses a row that may no longer be corrected (a company merged into another: 410); every row may by default.</summary>
    protected virtual void RequireCorrectable(T current)
    {
    }

    /// <summary>The row's writable fields, as its create command carries them.</summary>
    protected abstract TFields FieldsOf(T current);

    /// <summary>The corrected row (its version one more), the SET clause and its arguments.</summary>
    protected abstract Task<(T Changed, string Set, object Columns)> ApplyAsync(T current, TFields fields, CancellationToken cancellationToken);
}
