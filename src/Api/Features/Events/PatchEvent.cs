using Microsoft.AspNetCore.Http.Json;

namespace DealPipeline.Api.Features.Events;

public sealed record PatchEvent(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<EventResponse>, IChangesOne
{
    string IAudited.AuditEntity => "event";
}

public sealed class PatchEventHandler(EventStore events, DbSession session, IValidator<EventFields> validator, IOptions<JsonOptions> json)
    : IRequestHandler<PatchEvent, EventResponse>
{
    private static readonly Dictionary<string, Text> NotPatchable = new(StringComparer.Ordinal)
    {
        ["id"] = ProblemTexts.IdSetByServer,
        ["createdAt"] = ProblemTexts.TimestampsSetServer,
        ["updatedAt"] = ProblemTexts.TimestampsSetServer,
        ["version"] = ProblemTexts.VersionSetServerSendIfMatch,
    };

    public async Task<EventResponse> Handle(PatchEvent request, CancellationToken cancellationToken)
    {
        var current = await events.GetAsync(request.Id, cancellationToken);
        if (request.ExpectedVersion?.Allows(current.Version) == false)
        {
            throw ProblemException.PreconditionFailed(current.Version);
        }

        var fields = MergePatch.Apply(
            new EventFields { Name = current.Name, Type = current.Type, StartsOn = current.StartsOn, EndsOn = current.EndsOn, City = current.City, ParkId = current.ParkId, VisitorsReceived = current.VisitorsReceived },
            request.Patch,
            json.Value.SerializerOptions,
            NotPatchable);
        var result = await validator.ValidateAsync(fields, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        await References.RequireAsync(session, "parks", fields.ParkId, "parkId", "park", cancellationToken);
        await events.UpdateAsync(current, fields, cancellationToken);
        return await events.GetAsync(request.Id, cancellationToken);
    }
}
