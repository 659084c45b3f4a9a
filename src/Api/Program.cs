using System.Threading.RateLimiting;
using DealPipeline.Api.Demo;
using DealPipeline.Api.Features.Activities;
using DealPipeline.Api.Features.Chains;
using DealPipeline.Api.Features.Deadlines;
using DealPipeline.Api.Features.Evaluation;
using DealPipeline.Api.Features.Funds;
using DealPipeline.Api.Features.Admin;
using DealPipeline.Api.Features.Audit;
using DealPipeline.Api.Features.Changes;
using DealPipeline.Api.Features.Events;
using DealPipeline.Api.Features.Feeds;
using DealPipeline.Api.Features.Letters;
using DealPipeline.Api.Features.Companies;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.FxRates;
using DealPipeline.Api.Features.Parks;
using DealPipeline.Api.Features.Reports;
using DealPipeline.Api.Features.Sectors;
using DealPipeline.Api.Features.Teams;
using DealPipeline.Api.Features.Users;
using DealPipeline.Api.Features.Webhooks;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

// Settings are typed options bound from configuration and checked when the service starts: a bad
// setting stops it with a message naming the setting. (They are bound when first resolved, so
// that hosts and tests can add configuration after this file runs.)
services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
    .Validate(o => o.Provider != DatabaseProvider.SqlServer || !string.IsNullOrWhiteSpace(o.ConnectionString), "Database:ConnectionString is required when Database:Provider is SqlServer.")
    .ValidateOnStart();
services.AddSingleton(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value);
services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
services.AddOptions<CorsSettings>().BindConfiguration(CorsSettings.Section)
    .Validate(o => o.AllowedOrigins.All(CorsSettings.IsOrigin), "Cors:AllowedOrigins lists origins written scheme://host[:port], without a path or a trailing slash.")
    .ValidateOnStart();
services.AddOptions<SwaggerOptions>().BindConfiguration(SwaggerOptions.Section);
services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section);
services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
    .Validate(o => o.KnownProxies.All(ProxyOptions.IsAddress), "ForwardedHeaders:KnownProxies lists IP addresses.")
    .Validate(o => o.KnownNetworks.All(ProxyOptions.IsNetwork), "ForwardedHeaders:KnownNetworks lists networks in CIDR notation, e.g. 10.20.0.0/24.")
    .ValidateOnStart();
services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ConfigureForwardedHeaders>();
services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations()
    .Validate(o => o.AllowedNetworks.All(WebhookOptions.IsNetworkOrHost), "Webhooks:AllowedNetworks lists CIDR networks (10.20.0.0/16) or host names.")
    .ValidateOnStart();
services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section)
    .Validate(o => o.StageProbabilities.Values.All(p => p is >= 0m and <= 1m && p * 100m == decimal.Truncate(p * 100m)), "Reports:StageProbabilities are between 0 and 1, in whole percent (at most two decimals).")
    .ValidateOnStart();
services.AddSingleton<Database>();
services.AddSingleton(sp => TransientFaults.CreatePipeline(sp.GetRequiredService<Database>().Dialect, sp.GetRequiredService<ILoggerFactory>().CreateLogger("DealPipeline.TransientFaults")));
services.AddSingleton<Migrator>();
services.AddSingleton<DemoSeeder>();
services.AddSingleton(TimeProvider.System);
services.AddSingleton<IClock, DealPipeline.Infrastructure.SystemClock>();
services.AddScoped<DbSession>();
services.AddScoped<DealRepository>();
services.AddScoped<DealReader>();
services.AddHttpContextAccessor();
services.AddScoped<ICurrentUser, HttpCurrentUser>();
services.AddScoped<DealAccess>();
services.AddScoped<DeadlineSource>();
services.AddScoped<DealFilter>();
services.AddScoped<DealPipeline.Api.Features.Reports.DealExportReader>();
services.AddScoped<DealPipeline.Api.Application.Behaviors.IDealSnapshots, DealSnapshots>();
services.AddScoped<IdempotentRequest>();
services.AddSingleton<IdempotencyStore>();
services.AddHostedService<IdempotencyPurge>();
services.AddSingleton<ApiKeyCache>();
services.AddSingleton<WebhookDestinations>();
services.AddSingleton<WebhookSignal>();
services.AddScoped<IChangeOutbox, WebhookOutbox>();
services.AddHostedService<WebhookDispatcher>();
services.AddSingleton<CursorKey>();
services.AddScoped<Cursors>();
services.AddMemoryCache(o => o.SizeLimit = ReportCaching.MaxEntries);
services.AddScoped<ReportCaching>();
services.AddApplication(typeof(Program).Assembly);
Validation.UseCamelCaseNames();

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
services.AddOpenApi(o =>
{
    o.AddDocumentTransformer<OpenApiDocumentInfo>();
    o.AddDocumentTransformer<WebhookDocumentation>();
    o.AddDocumentTransformer<OpenApiSharedEnums>();
    o.AddDocumentTransformer<OpenApiUnusedSchemas>();
    o.AddSchemaTransformer<OpenApiSchemaFixes>();
    o.AddOperationTransformer<OpenApiOperationFixes>();
    o.AddOperationTransformer<OpenApiContract>();
    o.AddSchemaTransformer<OpenApiRequestBodies>();
    o.AddOperationTransformer<OpenApiRequestBodies>();
});
services.AddTelemetry(builder.Configuration);
// On SIGTERM the server stops listening and lets requests in flight finish for this long, then aborts them (their transactions roll back).
services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(builder.Configuration.GetValue("Shutdown:TimeoutSeconds", 30), 1, 600)));
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

var app = builder.Build();
app.Services.UseTelemetry();

// Operator verbs, with the same configuration as a normal start: backup <file> and restore <file>.
if (args is [("backup" or "restore") and var verb, var file, ..])
{
    var database = app.Services.GetRequiredService<Database>();
    try
    {
        if (verb == "backup")
        {
            await app.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
            var bytes = await Backups.BackupAsync(database, file, CancellationToken.None);
            Console.WriteLine($"backup written to {Path.GetFullPath(file)} ({bytes:N0} bytes)");
        }
        else
        {
            await Backups.RestoreAsync(database, file, CancellationToken.None);
            Console.WriteLine($"restored {Path.GetFullPath(file)}; start the service to bring its schema up to date");
        }

        return 0;
    }
    catch (Exception e) when (e is IOException or InvalidOperationException or InvalidDataException or NotSupportedException)
    {
        await Console.Error.WriteLineAsync($"{verb} failed: {e.Message}");
        return 1;
    }
}

// While the service runs, a restore of its database is refused (see Backups).
using var instance = app.Services.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Sqlite
    ? Backups.InstanceLock(app.Services.GetRequiredService<Database>())
    : null;

await app.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
await app.Services.GetRequiredService<CursorKey>().LoadAsync(CancellationToken.None);

// Demo data goes into a new embedded database unless told otherwise; never by default in Production.
// Its documented demo keys exist only in Development.
var provider = app.Services.GetRequiredService<DatabaseOptions>().Provider;
if (app.Configuration.GetValue<bool?>("Demo:Seed") ?? (provider == DatabaseProvider.Sqlite && !app.Environment.IsProduction()))
{
    await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(
        app.Configuration["Demo:SeedPath"] ?? DemoSeeder.DefaultPath,
        withDemoKeys: app.Environment.IsDevelopment(),
        CancellationToken.None);
}

// First: everything after it, the rate limiter and every link built, sees the client's scheme, host and address.
app.UseForwardedHeaders();

// Outside the exception handler, so that its closing line sees the final status.
app.UseMiddleware<RequestLogging>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<ApiResponseHeaders>();

// Swagger UI is static: served before authentication (its calls to the API carry the key you enter in it).
if (app.Services.GetRequiredService<IOptions<SwaggerOptions>>().Value.Enabled ?? !app.Environment.IsProduction())
{
    app.UseSwaggerUI(o =>
    {
        o.SwaggerEndpoint("/openapi/v1.json", "DealPipeline v1");
        o.RoutePrefix = "swagger";
        o.DocumentTitle = "DealPipeline API";
    });
}
// The pages (sign-in at /, /cockpit/, /board/): static files from site/ beside the app, before
// authentication; they only call the API, with the key the user signs in with.
var site = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "site"));
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = site });
app.UseStaticFiles(new StaticFileOptions { FileProvider = site });
app.UseCors();

// Limited before authentication: a key this instance knows spends its own budget, anything else
// the budget of its client address, so a flood of made-up keys is refused after a few look-ups.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<RequestLimits>();
app.UseReplicaReads();
app.UseMiddleware<KnownQueryParameters>();
app.UseMiddleware<Idempotency>();

app.MapOpenApi().AllowAnonymous().DisableRateLimiting();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();

var api = app.MapGroup("/api/v1")
    .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]))
    .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
api.MapParks();
api.MapSectors();
api.MapTeams();
api.MapUsers();
api.MapUserKeys();
api.MapCompanies();
api.MapFxRates();
api.MapDeals();
api.MapActivities();
api.MapFunds();
api.MapChains();
api.MapDeadlines();
api.MapEvaluation();
api.MapLetters();
api.MapEvents();
api.MapReports();
api.MapTargets();
api.MapExports();
api.MapEntityExports();
api.MapAudit();
api.MapChanges();
api.MapFeeds();
api.MapAdmin();
api.MapWebhooks();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
