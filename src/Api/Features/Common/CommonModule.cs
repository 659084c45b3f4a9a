namespace DealPipeline.Api.Features.Common;

/// <summary>What every area may use: the store of versioned rows and the paging in id order and newest first. It maps no endpoint of its own.</summary>
public sealed class CommonModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ReferenceStore>();
        services.AddScoped<IdPages>();
        services.AddScoped<NewestFirst>();
        services.AddScoped<CallerLanguage>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
    }
}
