using System.Text;
using System.Text.RegularExpressions;

namespace DealPipeline.Api.Tests;

/// <summary>
/// README.md and README.zh-CN.md cannot drift: their shell blocks are the same commands (the
/// comments may be translated), they list the same settings, and the English one links the
/// Chinese one at its top.
/// </summary>
public sealed partial class DocumentationTests
{
    [Fact]
    public void The_two_readmes_have_the_same_command_blocks_in_the_same_order()
    {
        var english = CommandBlocks(Read("README.md"));
        var chinese = CommandBlocks(Read("README.zh-CN.md"));
        Assert.True(english.Count >= 2, "the README has its run and walk-through blocks");
        Assert.Equal("dotnet run --project src/Api\ndotnet test", english[0]);
        Assert.Equal(english.Count, chinese.Count);
        for (var i = 0; i < english.Count; i++)
        {
            Assert.Equal(english[i], chinese[i]);
        }
    }

    [Fact]
    public void The_two_readmes_list_the_same_settings_and_the_english_one_links_the_chinese_one_first()
    {
        var english = Read("README.md");
        var chinese = Read("README.zh-CN.md");
        Assert.Contains("[简体中文](README.zh-CN.md)", string.Join('\n', english.Split('\n').Take(5)), StringComparison.Ordinal);
        Assert.Equal(Settings(english), Settings(chinese));
        Assert.NotEmpty(Settings(english));
    }

    /// <summary>The <c>sh</c> blocks, each with comments and blank lines removed.</summary>
    internal static List<string> CommandBlocks(string markdown) =>
        ShBlock().Matches(markdown)
            .Select(m => string.Join('\n', m.Groups[1].Value.Split('\n').Select(WithoutComment).Where(l => l.Length > 0)))
            .ToList();

    /// <summary>A line without its shell comment: a # outside quotes, at the start or after a space.</summary>
    private static string WithoutComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i].TrimEnd();
            }
        }

        return line.TrimEnd();
    }

    /// <summary>The first column of the configuration table: each row's setting names.</summary>
    private static SortedSet<string> Settings(string markdown)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in markdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var first = line.Split('|')[1];
            foreach (Match name in SettingName().Matches(first))
            {
                names.Add(name.Groups[1].Value);
            }
        }

        return names;
    }

    private static string Read(string name) => File.ReadAllText(Repository.File(name), Encoding.UTF8).ReplaceLineEndings("\n");

    [GeneratedRegex(@"```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShBlock();

    [GeneratedRegex(@"`([A-Za-z_][A-Za-z0-9_:.<>]*)`")]
    private static partial Regex SettingName();
}
