using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Audit;

/// <summary>One write: who (user id, or the bootstrap admin), when, which command, on what, and the entity before and after as JSON.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, long? UserId, string Actor, string Action, string Entity, string? EntityId, JsonElement? Before, JsonElement? After)
{
    /// <summary>The ledger import whose commit made this write; null for any other write.</summary>
    public long? ImportId { get; init; }
}

/// <summary>The audit log's page, bound from the query string as it is and checked by its validator in the pipeline.</summary>
public sealed record ListAudit : IQuery<Page<AuditEntry>>, IPagedRequest
{
    public string? Entity { get; init; }

    public string? Id { get; init; }

    /// <summary>Only the writes of this ledger import's commit.</summary>
    public long? ImportId { get; init; }

    /// <summary>Writes on or after this day (YYYY-MM-DD, China Standard Time).</summary>
    public string? From { get; init; }

    /// <summary>Writes on or before this day (YYYY-MM-DD, China Standard Time).</summary>
    public string? To { get; init; }

    public int? Limit { get; init; }

    public string? Cursor { get; init; }

    int IPagedRequest.Limit => Limit ?? Http.Cursor.DefaultLimit;
}

public sealed class ListAuditValidator : AbstractValidator<ListAudit>
{
    public ListAuditValidator()
    {
        RuleFor(x => x.Entity).MaximumLength(50);
        RuleFor(x => x.Id).MaximumLength(50);
        RuleFor(x => x.ImportId).Id();
        RuleFor(x => x.From).Day();
        RuleFor(x => x.To).Day()
            .Must((q, to) => !QueryValues.TryDate(q.From, out var from) || !QueryValues.TryDate(to, out var end) || from is null || end is null || end >= from)
            .WithMessage(ProblemTexts.FieldAfterOther.With(("field", "to"), ("other", "from")));
    }
}

public sealed class ListAuditHandler(IdPages pages) : IRequestHandler<ListAudit, Page<AuditEntry>>
{
    public async Task<Page<AuditEntry>> Handle(ListAudit request, CancellationToken cancellationToken)
    {
        var (from, to) = (QueryValues.Date(request.From, "from"), QueryValues.Date(request.To, "to"));
        var page = await pages.PageAsync<Row>(request,
            "SELECT id, at, user_id, actor, action, entity, entity_id, before_json, after_json, import_id FROM audit_log " +
            $"WHERE {new SqlWhere().When(request.Entity is not null, "entity = @entity").When(request.Id is not null, "entity_id = @entityId").When(request.ImportId is not null, "import_id = @importId").When(from is not null, "at >= @from").When(to is not null, "at < @to")}",
            new
            {
                entity = request.Entity,
                entityId = request.Id,
                importId = request.ImportId,
                from = from is { } f ? ChinaTime.StartOf(f) : (DateTimeOffset?)null,
                to = to is { } t ? ChinaTime.StartOf(t.AddDays(1)) : (DateTimeOffset?)null,
            },
            cancellationToken);
        return page.Select(r => r.ToEntry());
    }

    private sealed record Row : IHasId
    {
        public long Id { get; init; }

        public DateTimeOffset At { get; init; }

        public long? UserId { get; init; }

        public string Actor { get; init; } = "";

        public string Action { get; init; } = "";

        public string Entity { get; init; } = "";

        public string? EntityId { get; init; }

        public string? BeforeJson { get; init; }

        public string? AfterJson { get; init; }

        public long? ImportId { get; init; }

        public AuditEntry ToEntry() => new(Id, At, UserId, Actor, Action, Entity, EntityId, Parse(BeforeJson), Parse(AfterJson)) { ImportId = ImportId };

        private static JsonElement? Parse(string? json)
        {
            if (json is null)
            {
                return null;
            }

            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
    }
}
