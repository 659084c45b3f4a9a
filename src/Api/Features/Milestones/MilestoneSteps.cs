using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Milestones;

/// <summary>A step of the office's list of milestones after signing (项目全周期).</summary>
public sealed record MilestoneStepResponse : IHasId, IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    /// <summary>What POST /deals/{id}/milestones names the step by (its kind).</summary>
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string? NameEn { get; init; }

    /// <summary>Its place in the list: steps are reached in this order.</summary>
    public int Position { get; init; }

    /// <summary>A required step is recorded before any later step may be.</summary>
    public bool Required { get; init; }

    /// <summary>A disabled step takes no new milestones and is left out of the reports; those recorded stay.</summary>
    public bool Enabled { get; init; }

    /// <summary>开工, 入库, 投产, 上规 and 达产: every office has them; only their names may change.</summary>
    public bool BuiltIn { get; init; }

    public MilestoneStep ToStep() => new(Id, Code, Name, NameEn, Position, Required, Enabled, BuiltIn);
}

/// <summary>Adds a step to the office's milestones. required defaults to false, enabled to true.</summary>
public sealed record CreateMilestoneStep(string? Code, string? Name, string? NameEn, int? Position, bool? Required = null, bool? Enabled = null)
    : ICommand<MilestoneStepResponse>, IAudited, IRequestBody
{
    static IReadOnlyList<string> IRequestBody.Required => ["code", "name", "position"];

    public static object Example => new CreateMilestoneStep("landRegistered", "土地证办理", "Land certificate issued", 15, false, true);

    string IAudited.AuditEntity => "milestoneStep";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;

    public MilestoneStep ToStep(long id = 0, bool builtIn = false) =>
        new(id, Code?.Trim() ?? "", Name?.Trim() ?? "", string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim(), Position ?? 0, Required ?? false, Enabled ?? true, builtIn);
}

public sealed class CreateMilestoneStepValidator : AbstractValidator<CreateMilestoneStep>
{
    public CreateMilestoneStepValidator()
    {
        RuleFor(x => x.Code).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage(RuleTexts.MilestoneCodeFormat.With());
        RuleFor(x => x.Name).RequiredName(MilestoneStep.MaxNameLength);
        RuleFor(x => x.NameEn).MaximumLength(MilestoneStep.MaxNameLength);
        RuleFor(x => x.Position).NotNull().WithMessage(RuleTexts.MilestonePositionRange.With(("max", MilestoneStep.MaxPosition)));
    }
}

public sealed class CreateMilestoneStepHandler(MilestoneStepStore steps) : IRequestHandler<CreateMilestoneStep, MilestoneStepResponse>
{
    public async Task<MilestoneStepResponse> Handle(CreateMilestoneStep request, CancellationToken cancellationToken) =>
        await steps.GetAsync(await steps.AddAsync(await steps.CheckAsync(request.ToStep(), cancellationToken), cancellationToken), cancellationToken);
}

public sealed record PatchMilestoneStep(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<MilestoneStepResponse>, IChangesOne
{
    string IAudited.AuditEntity => "milestoneStep";
}

public sealed class PatchMilestoneStepHandler(MilestoneStepStore steps, IValidator<CreateMilestoneStep> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchMilestoneStep, MilestoneStepResponse>
{
    public async Task<MilestoneStepResponse> Handle(PatchMilestoneStep request, CancellationToken cancellationToken)
    {
        var current = await steps.GetAsync(request.Id, cancellationToken);
        var merged = await ReferenceData.MergeAsync(
            new CreateMilestoneStep(current.Code, current.Name, current.NameEn, current.Position, current.Required, current.Enabled),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        var step = merged.ToStep(current.Id, current.BuiltIn);
        if (step.Code != current.Code)
        {
            throw ProblemException.Invalid("code", RuleTexts.MilestoneCodeFixed.With(("code", current.Code)));
        }

        if (current.BuiltIn && (step.Position != current.Position || step.Required != current.Required || step.Enabled != current.Enabled))
        {
            var field = step.Position != current.Position ? "position" : step.Required != current.Required ? "required" : "enabled";
            throw ProblemException.Invalid(field, RuleTexts.MilestoneBuiltInFixed.With(("step", current.Name)));
        }

        await steps.UpdateAsync(current, await steps.CheckAsync(step, cancellationToken), cancellationToken);
        return await steps.GetAsync(current.Id, cancellationToken);
    }
}

public sealed record GetMilestoneStep(long Id) : IQuery<MilestoneStepResponse>;

public sealed record ListMilestoneSteps(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<MilestoneStepResponse>>, IPagedRequest;

public sealed class MilestoneStepQueries(MilestoneStepStore steps, IdPages pages)
    : IRequestHandler<GetMilestoneStep, MilestoneStepResponse>, IRequestHandler<ListMilestoneSteps, Page<MilestoneStepResponse>>
{
    public Task<MilestoneStepResponse> Handle(GetMilestoneStep request, CancellationToken cancellationToken) => steps.GetAsync(request.Id, cancellationToken);

    public Task<Page<MilestoneStepResponse>> Handle(ListMilestoneSteps request, CancellationToken cancellationToken) =>
        pages.PageAsync<MilestoneStepResponse>(request, MilestoneStepStore.SelectAll, new { }, cancellationToken);
}
