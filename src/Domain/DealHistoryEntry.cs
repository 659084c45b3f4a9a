namespace DealPipeline.Domain;

/// <summary>
/// One change of a deal's stage or status. <see cref="On"/> is the business date (China
/// Standard Time) the change took effect; <see cref="At"/> is when it was recorded (UTC).
/// The pipeline as it stood on any past day is rebuilt from these rows, so they are never
/// edited or deleted. <see cref="From"/> and <see cref="To"/> hold <see cref="Stage"/> or
/// <see cref="DealStatus"/> values as given by <see cref="Kind"/>. <see cref="StageAfter"/> and
/// <see cref="StatusAfter"/> are the deal's whole state once the change is made, so that its
/// state on any day is one entry, whatever kind of change came last.
/// </summary>
public sealed record DealHistoryEntry(
    HistoryKind Kind,
    int? From,
    int To,
    DateOnly On,
    DateTimeOffset At,
    string? Reason,
    string? Note,
    long? ByUserId,
    Stage StageAfter,
    DealStatus StatusAfter);
