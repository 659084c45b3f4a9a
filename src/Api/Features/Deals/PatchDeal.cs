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
    DealChangeCheck revision,
    IClock clock,
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
        var fields = MergePatch.Apply(DealFields.Of(deal.Terms), request.Patch, json.Value.SerializerOptions, NotPatchable);
        var result = await fieldsValidator.ValidateAsync(fields, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        var terms = await revision.CheckAsync(deal, fields, request.Patch.TryGetProperty("teamId", out _), cancellationToken);
        var loaded = deal.Version;
        deal.Revise(terms, clock.Today, clock.UtcNow);
        return await reader.SaveAsync(deal, loaded, cancellationToken);
    }
}

/// <summary>
/// What a change of a deal's plain fields checks, validated already, shared by PATCH /deals/{id} and a deals ledger's update: the
/// references; a deal handed to another officer follows that officer's team unless <c>teamGiven</c>; the caller allowed to assign it;
/// a move to another company or unit not crossing another unit's claim (a manager transfers it instead); its ledger number free.
/// Answers the deal's new terms.
/// </summary>
public sealed class DealChangeCheck(DealReferences references, DealAccess access, ClaimGuard claims)
{
    public async Task<DealTerms> CheckAsync(Deal deal, DealFields fields, bool teamGiven, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(fields);
        var current = deal.Terms;
        if (fields.PriorDealId == deal.Id)
        {
            throw ProblemException.Invalid("priorDealId", RuleTexts.PriorDealIsSelf.With());
        }

        var ownerTeam = await references.CheckAsync(fields, cancellationToken);
        var teamId = fields.OwnerId != current.OwnerId && !teamGiven ? ownerTeam : fields.TeamId;
        if (fields.OwnerId != current.OwnerId || teamId != current.TeamId)
        {
            access.RequireAssignable(fields.OwnerId!.Value, ownerTeam, teamId);
        }

        if (fields.CompanyId != current.CompanyId || fields.ParkId != current.ParkId || teamId != current.TeamId)
        {
            await claims.CheckAsync(fields.CompanyId!.Value, fields.ParkId!.Value, teamId, null, cancellationToken);
        }

        var terms = fields.ToTerms(fields.OwnerId!.Value, teamId);
        if (terms.ExternalRef != current.ExternalRef)
        {
            await references.RequireFreeExternalRefAsync(terms.ExternalRef, deal.Id, cancellationToken);
        }

        return terms;
    }
}
