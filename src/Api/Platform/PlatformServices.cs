using System.Threading.RateLimiting;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;

namespace DealPipeline.Api.Platform;

/// <summary>
/// What every area stands on, registered once: the settings, the database, the request pipeline (mediator,
/// behaviors), the HTTP edge (keys, limits, JSON, problems, idempotency, cursors), the OpenAPI document and
/// telemetry. Nothing here belongs to one area; an area's own services are registered by its module.
/// </summary>
public static class PlatformServices
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        AddSettings(services);
        AddDatabase(services);
        AddHttpEdge(builder);
        services.AddApplication(typeof(Program).Assembly);
        Validation.UseCamelCaseNames();
        services.AddTelemetry(builder.Configuration);

        // On SIGTERM the server stops listening and lets requests in flight finish for this long, then aborts them (their transactions roll back).
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(builder.Configuration.GetValue("Shutdown:TimeoutSeconds", 30), 1, 600)));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Settings are typed options bound from configuration and checked when the service starts: a bad
    /// setting stops it with a message naming the setting. (They are bound when first resolved, so
    /// that hosts and tests can add configuration after this runs.)
    /// </summary>
    private static void AddSettings(IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.Provider != DatabaseProvider.SqlServer || !string.IsNullOrWhiteSpace(o.ConnectionString), "Database:ConnectionString is required when Database:Provider is SqlServer.")
            .Validate(o => o.GroupCommitMaxWrites is >= 1 and <= 1000, "Database:GroupCommitMaxWrites is between 1 and 1000.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorsSettings>().BindConfiguration(CorsSettings.Section)
            .Validate(o => o.AllowedOrigins.All(CorsSettings.IsOrigin), "Cors:AllowedOrigins lists origins written scheme://host[:port], without a path or a trailing slash.")
            .ValidateOnStart();
        services.AddOptions<SwaggerOptions>().BindConfiguration(SwaggerOptions.Section);
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(ProxyOptions.IsAddress), "ForwardedHeaders:KnownProxies lists IP addresses.")
            .Validate(o => o.KnownNetworks.All(ProxyOptions.IsNetwork), "ForwardedHeaders:KnownNetworks lists networks in CIDR notation, e.g. 10.20.0.0/24.")
            .ValidateOnStart();
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ConfigureForwardedHeaders>();
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
    }

    private static void AddDatabase(IServiceCollection services)
    {
        services.AddSingleton<Database>();
        services.AddSingleton(sp => TransientFaults.CreatePipeline(sp.GetRequiredService<Database>().Dialect, sp.GetRequiredService<ILoggerFactory>().CreateLogger("DealPipeline.TransientFaults")));
        services.AddSingleton<Migrator>();
        services.AddSingleton<Demo.DemoSeeder>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IClock, DealPipeline.Infrastructure.SystemClock>();
        services.AddScoped<DbSession>();
    }

    private static void AddHttpEdge(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<DealAccess>();
        services.AddScoped<IdempotentRequest>();
        services.AddSingleton<IdempotencyStore>();
        services.AddHostedService<IdempotencyPurge>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<CursorKey>();
        services.AddScoped<Cursors>();

        services.AddAuthentication(ApiKeyAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.AddRateLimiter(RateLimits.Configure);
        services.AddCors();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>, Cors>();

        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        // Registered before the framework's writer, which declines requests that do not accept JSON.
        services.AddSingleton<IProblemDetailsWriter, ProblemWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemHandler>();
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = RequestLimits.MaxBodyBytes);
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
            o.AddServerHeader = false;
        });
    }

    /// <summary>The OpenAPI document's transformers, in the order they run, after those an area configured in its module (the Webhooks module's: modules are registered first).</summary>
    public static void AddOpenApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<OpenApiDocumentInfo>();
            o.AddDocumentTransformer<OpenApiSharedEnums>();
            o.AddDocumentTransformer<OpenApiUnusedSchemas>();
            o.AddSchemaTransformer<OpenApiSchemaFixes>();
            o.AddOperationTransformer<OpenApiOperationFixes>();
            o.AddOperationTransformer<OpenApiContract>();
            o.AddSchemaTransformer<OpenApiRequestBodies>();
            o.AddOperationTransformer<OpenApiRequestBodies>();
        });
}
