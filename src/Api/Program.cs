using System.Threading.RateLimiting;
using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Demo;
using DealPipeline.Api.Features.Activities;
using DealPipeline.Api.Features.Audit;
using DealPipeline.Api.Features.Events;
using DealPipeline.Api.Features.Letters;
using DealPipeline.Api.Features.Companies;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.FxRates;
using DealPipeline.Api.Features.Parks;
using DealPipeline.Api.Features.Reports;
using DealPipeline.Api.Features.Sectors;
using DealPipeline.Api.Features.Teams;
using DealPipeline.Api.Features.Users;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;
using DealPipeline.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

// Configuration is read when services are first resolved, so that hosts (and tests) can add to it after this file runs.
services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions());
services.AddSingleton<Database>();
services.AddSingleton(sp => TransientFaults.CreatePipeline(sp.GetRequiredService<Database>().Dialect, sp.GetRequiredService<ILoggerFactory>().CreateLogger("DealPipeline.TransientFaults")));
services.AddSingleton<Migrator>();
services.AddSingleton<DemoSeeder>();
services.AddSingleton(TimeProvider.System);
services.AddSingleton<IClock, DealPipeline.Infrastructure.SystemClock>();
services.AddScoped<DbSession>();
services.AddScoped<DealRepository>();
services.AddHttpContextAccessor();
services.AddScoped<ICurrentUser, HttpCurrentUser>();
services.AddScoped<DealAccess>();
services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
services.AddApplication(typeof(Program).Assembly);
Validation.UseCamelCaseNames();

services.AddAuthentication(ApiKeyAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
services.AddAuthorization(Policies.Add);
services.AddRateLimiter(RateLimits.Configure);
services.AddCors();
services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IConfiguration>(Cors.Configure);

services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
services.AddExceptionHandler<ProblemHandler>();
services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = RequestLimits.MaxBodyBytes);
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
services.AddOpenApi(o =>
{
    o.AddDocumentTransformer<OpenApiDocumentInfo>();
    o.AddSchemaTransformer<OpenApiSchemaFixes>();
    o.AddOperationTransformer<OpenApiOperationFixes>();
});
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

var app = builder.Build();

await app.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);

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

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<ApiResponseHeaders>();

// Swagger UI is static: served before authentication (its calls to the API carry the key you enter in it).
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "DealPipeline v1");
    o.RoutePrefix = "swagger";
    o.DocumentTitle = "DealPipeline API";
});
app.UseCors();

// Limited before authentication, by the key's hash: a flood of made-up keys never reaches the database.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<RequestLimits>();
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
api.MapLetters();
api.MapEvents();
api.MapReports();
api.MapTargets();
api.MapExports();
api.MapAudit();

await app.RunAsync();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
