namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class MovableTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
