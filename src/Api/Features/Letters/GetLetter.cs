namespace DealPipeline.Api.Features.Letters;

public sealed record GetLetter(long Id) : IQuery<LetterResponse>;

public sealed class GetLetterHandler(LetterStore letters, DealAccess access) : IRequestHandler<GetLetter, LetterResponse>
{
    public Task<LetterResponse> Handle(GetLetter request, CancellationToken cancellationToken) => letters.GetAsync(access, request.Id, cancellationToken);
}
