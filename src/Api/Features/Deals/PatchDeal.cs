using DealPipeline.Api.Features.Claims;
using Microsoft.AspNetCore.Http.Json;

namespace DealPipeline.Api.Features.Deals;

/// <summary>
/// A JSON merge patch (RFC 7396) of a deal's plain fields: a member sets a field, a null clears
/// it (a required field cannot be cleared). Stage, status, the stage dates, openedOn and version
/// change only through the deal's actions: naming them, or an unknown field, is a 400.
/// </summary>
public sealed record PatchDeal(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<DealResponse>, IChangesDeal;

public sealed class PatchDealHandler(
    DealReader reader,
    DealReferences references,
    DealAccess access,
    IClock clock,
    ClaimGuard claims,
    IValidator<DealFields> fieldsValidator,
    IOptions<JsonOptions> json) : IRequestHandler<PatchDeal, DealResponse>
{
    /// <summary>Fields of the deal that the patch may not touch, and where they change instead.</summary>
    private static readonly Dictionary<string, Text> NotPatchable = new(StringComparer.Ordinal)
    {
        ["id"] = ProblemTexts.IdSetByServer,
        ["stage"] = ProblemTexts.StageChangesThroughPOSTApiV1,
        ["status"] = ProblemTexts.StatusChangesThroughPOSTApiV1,
        ["lostReason"] = ProblemTexts.LostReasonGivenPOSTApiV1,
        ["signedOn"] = ProblemTexts.SigningDateSetTransitionSigned,
        ["landedOn"] = ProblemTexts.LandingDateSetTransitionLanded,
        ["constructionStartedOn"] = ProblemTexts.MilestonesRecordedThroughPOSTApiV1,
        ["productionStartedOn"] = ProblemTexts.MilestonesRecordedThroughPOSTApiV1,
        ["openedOn"] = ProblemTexts.OpeningDatePartDealHistoryCannot,
        ["createdAt"] = ProblemTexts.TimestampsSetServer,
        ["updatedAt"] = ProblemTexts.TimestampsSetServer,
        ["version"] = ProblemTexts.VersionSetServerSendIfMatch,
    };

    public async Task<DealResponse> Handle(PatchDeal request, CancellationToken cancellationToken)
    {
        var deal = await reader.LoadAsync(request.Id, request.ExpectedVersion, cancellationToken);
        var current = DealFields.Of(deal.Terms);
        var fields = MergePatch.Apply(current, request.Patch, json.Value.SerializerOptions, NotPatchable);
        var result = await fieldsValidator.ValidateAsync(fields, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        var ownerTeam = await references.CheckAsync(fields, cancellationToken);
        var teamId = fields.TeamId;
        if (fields.OwnerId != current.OwnerId && !request.Patch.TryGetProperty("teamId", out _))
        {
            // A deal handed to another officer follows that officer's team unless the patch says otherwise.
            teamId = ownerTeam;
        }

        if (fields.OwnerId != current.OwnerId || teamId != current.TeamId)
        {
            access.RequireAssignable(fields.OwnerId!.Value, ownerTeam, teamId);
        }

        if (fields.CompanyId != current.CompanyId || fields.ParkId != current.ParkId || teamId != current.TeamId)
        {
            // Moved to another company or unit: the move may not cross a claim another unit holds (a manager transfers it instead).
            await claims.CheckAsync(fields.CompanyId!.Value, fields.ParkId!.Value, teamId, null, cancellationToken);
        }

        var terms = fields.ToTerms(fields.OwnerId!.Value, teamId);
        if (terms.ExternalRef != deal.Terms.ExternalRef)
        {
            await references.RequireFreeExternalRefAsync(terms.ExternalRef, deal.Id, cancellationToken);
        }

        var loaded = deal.Version;
        deal.Revise(terms, clock.Today, clock.UtcNow);
        return await reader.SaveAsync(deal, loaded, cancellationToken);
    }
}
