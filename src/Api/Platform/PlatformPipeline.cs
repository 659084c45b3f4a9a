using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace DealPipeline.Api.Platform;

/// <summary>The middleware every request goes through, in order, and the endpoints that belong to no area.</summary>
public static class PlatformPipeline
{
    public static WebApplication UsePlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

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
        return app;
    }

    /// <summary>The group every area maps under: /api/v1, whose every endpoint may answer 401 and 429.</summary>
    public static RouteGroupBuilder MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGroup("/api/v1")
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]))
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
    }

    /// <summary>
    /// Before the first request: the schema brought up to date, the cursor key loaded, and demo data put into a new
    /// embedded database unless told otherwise (never by default in Production; its documented demo keys exist only
    /// in Development).
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        await app.Services.GetRequiredService<CursorKey>().LoadAsync(CancellationToken.None);
        var provider = app.Services.GetRequiredService<DatabaseOptions>().Provider;
        if (app.Configuration.GetValue<bool?>("Demo:Seed") ?? (provider == DatabaseProvider.Sqlite && !app.Environment.IsProduction()))
        {
            await app.Services.GetRequiredService<Demo.DemoSeeder>().SeedAsync(
                app.Configuration["Demo:SeedPath"] ?? Demo.DemoSeeder.DefaultPath,
                withDemoKeys: app.Environment.IsDevelopment(),
                CancellationToken.None);
        }
    }

    /// <summary>While the service runs on SQLite, a restore of its database is refused (see <see cref="Backups"/>).</summary>
    public static IDisposable? HoldInstanceLock(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Sqlite
            ? Backups.InstanceLock(app.Services.GetRequiredService<Database>())
            : null;
    }
}
