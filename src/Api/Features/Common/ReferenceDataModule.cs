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
        var correct = group.MapReferenceData<TCreate, TList, T>(resource, writePolicy, summaries, Read, Correct, ReadProblems);
        correct.WithProblems(CorrectProblems);
        MapMore(group);
    }

    /// <summary>The statuses reading one row answers beside 200 and 404 (a merged company's 301).</summary>
    protected virtual int[] ReadProblems => [];

    /// <summary>The statuses correcting one row answers beside those every correction has (a merged company's 410).</summary>
    protected virtual int[] CorrectProblems => [];

    /// <summary>The area's routes beyond the four every kind of reference data has.</summary>
    protected virtual void MapMore(RouteGroupBuilder group)
    {
    }

    protected abstract IRequest<T> Read(long id);

    protected abstract IRequest<T> Correct(long id, JsonElement patch, IfMatch? ifMatch);
}
