using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace DealPipeline.Domain;

/// <summary>
/// Something the service says to a caller (a problem's title, detail or field message), in English
/// and in Chinese, under a stable <see cref="Key"/>: the name of the catalogue field that declares
/// it (<see cref="RuleTexts"/> for the domain's rules, <c>ProblemTexts</c> for the API's). A
/// <c>{name}</c> in either language is a value given with <see cref="With"/> (an id, a date, a
/// field name: the same in both); a value may itself be a <see cref="Message"/>, said in the same
/// language. A place holder that is given no value stays as it is (<c>/deals/{id}/status</c>).
/// </summary>
public sealed partial class Text(string english, string chinese, [CallerMemberName] string key = "")
{
    public string Key { get; } = key;

    public string English { get; } = english;

    public string Chinese { get; } = chinese;

    /// <summary>The place holders the English names, in order.</summary>
    public IReadOnlyList<string> Placeholders => [.. Placeholder().Matches(English).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>This text with its values.</summary>
    public Message With(params (string Name, object? Value)[] values) => new(this, values);

    public static implicit operator Message(Text text) => new(text, []);

    public override string ToString() => English;

    internal static string Fill(string template, IReadOnlyList<(string Name, object? Value)> values, bool chinese) =>
        values.Count == 0
            ? template
            : Placeholder().Replace(template, m => values.FirstOrDefault(v => v.Name == m.Groups[1].Value) is { Name: not null } given
                ? given.Value switch
                {
                    Message message => chinese ? message.Chinese : message.English,
                    Text text => chinese ? text.Chinese : text.English,
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    var other => other?.ToString() ?? "",
                }
                : m.Value);

    [GeneratedRegex(@"\{(\w+)}")]
    private static partial Regex Placeholder();
}

/// <summary>A <see cref="Text"/> with its values: what a problem carries until the answer is written in the caller's language.</summary>
public sealed class Message(Text text, IReadOnlyList<(string Name, object? Value)> values)
{
    public Text Text { get; } = text;

    public IReadOnlyList<(string Name, object? Value)> Values { get; } = values;

    public string English => Text.Fill(Text.English, Values, chinese: false);

    public string Chinese => Text.Fill(Text.Chinese, Values, chinese: true);

    /// <summary>In Chinese when <paramref name="chinese"/>, else in English.</summary>
    public string In(bool chinese) => chinese ? Chinese : English;

    /// <summary>The same text with one more value (a field name known only where the failure is collected).</summary>
    public Message And(string name, object? value) =>
        Values.Any(v => v.Name == name) ? this : new(Text, [.. Values, (name, value)]);

    public override string ToString() => English;
}
