using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Milestones;

/// <summary>The milestone_steps table: the office's ordered steps as the API and the milestone rules read them.</summary>
public sealed class MilestoneStepStore(DbSession session, ReferenceStore rows)
{
    public const string Columns = "id, code, name, name_en, position, required, enabled, built_in, version";

    /// <summary>Every step, for a page of them (the pager adds its own conditions and order).</summary>
    public const string SelectAll = $"SELECT {Columns} FROM milestone_steps WHERE 1 = 1";

    public async Task<MilestoneStepResponse> GetAsync(long id, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<MilestoneStepResponse>($"SELECT {Columns} FROM milestone_steps WHERE id = @id", new { id }, cancellationToken)
        ?? throw ProblemException.NotFound("milestone step", id);

    /// <summary>Every step in the office's order, disabled ones too (the rules and reports skip them).</summary>
    public async Task<IReadOnlyList<MilestoneStep>> AllAsync(CancellationToken cancellationToken) =>
        [.. (await session.QueryAsync<MilestoneStepResponse>($"SELECT {Columns} FROM milestone_steps ORDER BY position", null, cancellationToken)).Select(r => r.ToStep())];

    /// <summary>The step checked (400 naming the field) and its code and position no other step's (409).</summary>
    public async Task<MilestoneStep> CheckAsync(MilestoneStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        step.Validate();
        if (await rows.TakenAsync("milestone_steps", "code", step.Code, step.Id, cancellationToken))
        {
            throw ProblemException.Conflict(ProblemTexts.MilestoneCodeTaken.With(("code", step.Code)));
        }

        return await rows.TakenAsync("milestone_steps", "position", step.Position, step.Id, cancellationToken)
            ? throw ProblemException.Conflict(ProblemTexts.MilestonePositionTaken.With(("position", step.Position)))
            : step;
    }

    public Task<long> AddAsync(MilestoneStep step, CancellationToken cancellationToken) =>
        rows.InsertAsync("milestone_steps", "code, name, name_en, position, required, enabled, built_in, version", "@code, @name, @nameEn, @position, @required, @enabled, @builtIn, 1", Arguments(step), cancellationToken);

    public Task UpdateAsync(MilestoneStepResponse current, MilestoneStep step, CancellationToken cancellationToken) =>
        rows.UpdateAsync("milestone_steps", "name = @name, name_en = @nameEn, position = @position, required = @required, enabled = @enabled", current, Arguments(step), cancellationToken);

    private static object Arguments(MilestoneStep step) =>
        new { code = step.Code, name = step.Name, nameEn = step.NameEn, position = step.Position, required = step.Required, enabled = step.Enabled, builtIn = step.BuiltIn };
}
