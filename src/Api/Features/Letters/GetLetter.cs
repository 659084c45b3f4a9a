namespace DealPipeline.Api.Features.Letters;

public sealed record GetLetter(long Id) : IQuery<LetterResponse>;

public sealed class GetLetterHandler(DbSession session, DealAccess access) : IRequestHandler<GetLetter, LetterResponse>
{
    public Task<LetterResponse> Handle(GetLetter request, CancellationToken cancellationToken) => LetterQueries.GetAsync(session, access, request.Id, cancellationToken);
}
