namespace DealPipeline.Domain;

/// <summary>
/// The one exception the domain throws when a change breaks a rule.
/// <see cref="Field"/> names the input at fault when the rule is about a value the caller sent
/// (the API answers 400 with that field); without it the change conflicts with the deal's
/// current state (the API answers 409).
/// </summary>
public sealed class DomainException(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;

    public string? Field { get; } = field;
}
