using DealPipeline.Api.Features.Activities;
using DealPipeline.Api.Features.Admin;
using DealPipeline.Api.Features.Audit;
using DealPipeline.Api.Features.Chains;
using DealPipeline.Api.Features.Changes;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Companies;
using DealPipeline.Api.Features.Deadlines;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.Evaluation;
using DealPipeline.Api.Features.Events;
using DealPipeline.Api.Features.Exports;
using DealPipeline.Api.Features.Feeds;
using DealPipeline.Api.Features.Funds;
using DealPipeline.Api.Features.FxRates;
using DealPipeline.Api.Features.Letters;
using DealPipeline.Api.Features.Parks;
using DealPipeline.Api.Features.Reports;
using DealPipeline.Api.Features.Sectors;
using DealPipeline.Api.Features.Targets;
using DealPipeline.Api.Features.Teams;
using DealPipeline.Api.Features.Users;
using DealPipeline.Api.Features.Webhooks;
using DealPipeline.Api.Http;
using DealPipeline.Api.Platform;

// The areas of the API, in the order their endpoints appear in the OpenAPI document. A new area is one line here.
IModule[] modules =
[
    new CommonModule(),
    new ParksModule(),
    new SectorsModule(),
    new TeamsModule(),
    new UsersModule(),
    new CompaniesModule(),
    new FxRatesModule(),
    new DealsModule(),
    new ActivitiesModule(),
    new FundsModule(),
    new ChainsModule(),
    new DeadlinesModule(),
    new EvaluationModule(),
    new LettersModule(),
    new EventsModule(),
    new ReportsModule(),
    new TargetsModule(),
    new ExportsModule(),
    new AuditModule(),
    new ChangesModule(),
    new FeedsModule(),
    new AdminModule(),
    new WebhooksModule(),
];

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
foreach (var module in modules)
{
    module.AddServices(builder.Services);
}

builder.Services.AddOpenApiDocument();

var app = builder.Build();
app.Services.UseTelemetry();
if (await OperatorCommands.RunAsync(args, app) is { } exitCode)
{
    return exitCode;
}

using var instance = app.HoldInstanceLock();
await app.PrepareAsync();
app.UsePlatform();
var api = app.MapApi();
foreach (var module in modules)
{
    module.MapEndpoints(api);
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
