using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Letters;

public sealed class LettersModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<LetterStore>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/letters").WithTags("Letters");
        group.MapCreate<CreateLetter, LetterResponse>()
            .Describe("CreateLetter", Policies.WorkDeals, "Records a signed letter: initiative (合作倡议书), intent (合作意向书) or expertAppointment (专家聘书).")
            .WithDescription(
                "dealId (a deal the caller may change) and eventId are optional: an expert's appointment letter may belong to no deal. A letter does " +
                "not move its deal: officers usually follow a letter on a deal in contact or negotiation with the transition to letters.")
            .WithProblems(400, 404);
        group.MapQuery<ListLetters, Page<LetterResponse>>("/")
            .Describe("ListLetters", Policies.Read, "Lists letters in id order, filtered by type (comma-separated), eventId, dealId, signing date from/to (inclusive) and updatedSince/updatedBefore (half-open, for incremental pulls). Letters of confidential deals the caller may not see are left out.")
            .WithProblems(400);
        group.MapRead(id => new GetLetter(id))
            .Describe("GetLetter", Policies.Read, "Reads a letter.")
            .WithProblems(404);
    }
}
