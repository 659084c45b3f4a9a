namespace DealPipeline.Api.Features.Common;

/// <summary>
/// An area of the API (Deals, Parks, Reports …): it registers the services it owns (its store, the readers it
/// publishes to other areas, its options) and maps its endpoints. Program.cs lists the modules; handlers and
/// validators are found in the assembly by <see cref="MediatorRegistration"/>, so a use case needs no registration.
/// </summary>
public interface IModule
{
    /// <summary>The area's own services; most areas have none beyond their handlers.</summary>
    void AddServices(IServiceCollection services)
    {
    }

    void MapEndpoints(RouteGroupBuilder api);
}
