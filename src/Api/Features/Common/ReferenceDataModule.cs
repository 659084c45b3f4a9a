namespace DealPipeline.Api.Features.Common;

/// <summary>
/// The module of an area that is one kind of reference data (parks, teams, companies, sectors): POST and GET of its
/// collection, GET and PATCH of one row (<see cref="ReferenceData.MapReferenceData"/>), under one tag.
/// </summary>
public abstract class ReferenceDataModule<TCreate, TList, T>(string path, string resource, string writePolicy, (string Create, string List) summaries) : IModule
    where TCreate : class, IRequest<T>, IRequestBody
    where TList : IRequest<Page<T>>
    where T : IVersioned
{
    public virtual void AddServices(IServiceCollection services)
    {
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup(path).WithTags(GetType().Name[..^"Module".Length]);
        group.MapReferenceData<TCreate, TList, T>(resource, writePolicy, summaries, Read, Correct);
        MapMore(group);
    }

    /// <summary>The area's routes beyond the four every kind of reference data has.</summary>
    protected virtual void MapMore(RouteGroupBuilder group)
    {
    }

    protected abstract IRequest<T> Read(long id);

    protected abstract IRequest<T> Correct(long id, JsonElement patch, IfMatch? ifMatch);
}
