namespace DealPipeline.Domain;

/// <summary>
/// The one exception the domain throws when a change breaks a rule: its stable <see cref="Code"/>
/// (docs/errors.md) and what it says (<see cref="Said"/>, a <see cref="RuleTexts"/> entry with its
/// values, in English as the exception's message). <see cref="Field"/> names the input at fault
/// when the rule is about a value the caller sent (the API answers 400 with that field); without it
/// the change conflicts with the deal's current state (the API answers 409).
/// </summary>
public sealed class DomainException(string code, Message said, string? field = null) : Exception(said.English)
{
    public string Code { get; } = code;

    public Message Said { get; } = said;

    public string? Field { get; } = field;
}
