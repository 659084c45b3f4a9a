namespace DealPipeline.Api.Features.Targets;

public sealed record ListTargets(int Year) : IQuery<Page<TargetResponse>>;

public sealed class ListTargetsValidator : AbstractValidator<ListTargets>
{
    public ListTargetsValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(TargetStore.FirstYear, TargetStore.LastYear);
    }
}

public sealed class ListTargetsHandler(TargetStore targets) : IRequestHandler<ListTargets, Page<TargetResponse>>
{
    public async Task<Page<TargetResponse>> Handle(ListTargets request, CancellationToken cancellationToken) =>
        new((await targets.ListAsync(request.Year, cancellationToken)).Select(r => r.ToResponse()).ToList(), null);
}
