using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Audit;

public sealed class AuditModule : IModule
{
    public void MapEndpoints(RouteGroupBuilder api)
    {
        api.MapQuery<ListAudit, Page<AuditEntry>>("/audit")
            .WithTags("Audit")
            .WithName("ListAudit")
            .WithSummary("The audit log (admins): every write, oldest first; entity (deal, park, user …), id, and from/to dates (YYYY-MM-DD, China Standard Time, inclusive) filter it.")
            .Allow(Policies.Admin)
            .WithProblems(400, 403);
    }
}
