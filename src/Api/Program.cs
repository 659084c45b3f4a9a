using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Platform;
using Features = DealPipeline.Api.Features;

// The areas of the API, in the order their endpoints appear in the OpenAPI document. A new area is one line here.
IModule[] modules =
[
    new CommonModule(),
    new Features.Parks.ParksModule(),
    new Features.Sectors.SectorsModule(),
    new Features.Teams.TeamsModule(),
    new Features.Users.UsersModule(),
    new Features.Companies.CompaniesModule(),
    new Features.Claims.ClaimsModule(),
    new Features.Referrals.ReferralsModule(),
    new Features.Leads.LeadsModule(),
    new Features.Ledgers.LedgersModule(),
    new Features.FxRates.FxRatesModule(),
    new Features.Deals.DealsModule(),
    new Features.Activities.ActivitiesModule(),
    new Features.Funds.FundsModule(),
    new Features.Chains.ChainsModule(),
    new Features.Deadlines.DeadlinesModule(),
    new Features.Evaluation.EvaluationModule(),
    new Features.Letters.LettersModule(),
    new Features.Events.EventsModule(),
    new Features.Reports.ReportsModule(),
    new Features.Health.HealthModule(),
    new Features.Milestones.MilestonesModule(),
    new Features.Attachments.AttachmentsModule(),
    new Features.Counting.CountingModule(),
    new Features.Targets.TargetsModule(),
    new Features.Exports.ExportsModule(),
    new Features.Audit.AuditModule(),
    new Features.Changes.ChangesModule(),
    new Features.Feeds.FeedsModule(),
    new Features.Admin.AdminModule(),
    new Features.Webhooks.WebhooksModule(),
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
