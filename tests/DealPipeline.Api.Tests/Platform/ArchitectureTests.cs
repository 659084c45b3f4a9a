using System.Reflection;
using System.Text.RegularExpressions;

namespace DealPipeline.Api.Tests;

/// <summary>
/// Dependencies point one way: Domain ← Infrastructure ← Api, and inside Api the HTTP edge (Http) and the
/// request pipeline (Application) never use a feature (Features): features plug into them, through
/// interfaces they declare (IDealSnapshots, IChangeOutbox, ITombstone …). Checked on the assemblies'
/// references, on every signature of the Http and Application types, and on their source, which also
/// sees what method bodies use.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly Assembly Api = typeof(Program).Assembly;

    [Fact]
    public void The_domain_depends_on_nothing_of_ours_and_infrastructure_only_on_the_domain()
    {
        static string[] Ours(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("DealPipeline.", StringComparison.Ordinal)).Order()];

        Assert.Empty(Ours(typeof(Domain.Deal).Assembly));
        Assert.Equal(["DealPipeline.Domain"], Ours(typeof(DealPipeline.Infrastructure.DbSession).Assembly));
        Assert.Equal(["DealPipeline.Domain", "DealPipeline.Infrastructure"], Ours(Api));
    }

    [Fact]
    public void Http_and_application_types_name_no_feature_type_in_their_signatures()
    {
        var offences = new List<string>();
        foreach (var type in Api.GetTypes().Where(IsEdge))
        {
            foreach (var used in SignatureTypes(type).Where(IsFeature).Distinct())
            {
                offences.Add($"{type.FullName} uses {used.FullName}");
            }
        }

        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Fact]
    public void Http_and_application_sources_use_no_feature_namespace_or_type()
    {
        var featureTypes = Api.GetTypes().Where(IsFeature).Where(t => !t.IsNested && !t.Name.Contains('<', StringComparison.Ordinal)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var edgeTypes = Api.GetTypes().Where(IsEdge).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var offences = new List<string>();
        foreach (var folder in new[] { "Http", "Application" })
        {
            foreach (var file in Directory.EnumerateFiles(Repository.File("src", "Api", folder), "*.cs", SearchOption.AllDirectories))
            {
                var code = Comment().Replace(Text().Replace(File.ReadAllText(file), "\"\""), "");
                if (code.Contains("Features.", StringComparison.Ordinal) && FeatureNamespace().IsMatch(code))
                {
                    offences.Add($"{Path.GetFileName(file)} names a namespace of Features");
                }

                offences.AddRange(Identifier().Matches(code).Select(m => m.Value).Distinct()
                    .Where(name => featureTypes.Contains(name) && !edgeTypes.Contains(name))
                    .Select(name => $"{Path.GetFileName(file)} uses the feature type {name}"));
            }
        }

        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Fact]
    public void Only_the_deal_repository_writes_the_deals_table()
    {
        var writers = Directory.EnumerateFiles(Repository.File("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => DealsWrite().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Equal(["DealRepository.cs"], writers);
    }

    private static bool IsEdge(Type type) => type.Namespace is { } ns && (ns.StartsWith("DealPipeline.Api.Http", StringComparison.Ordinal) || ns.StartsWith("DealPipeline.Api.Application", StringComparison.Ordinal));

    private static bool IsFeature(Type type) => type.Namespace?.StartsWith("DealPipeline.Api.Features", StringComparison.Ordinal) == true;

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> Unfold(Type t) => t.IsGenericType ? t.GetGenericArguments().SelectMany(Unfold).Append(t) : t.HasElementType ? Unfold(t.GetElementType()!) : [t];
        var direct = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            direct.Add(baseType);
        }

        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(All).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                direct.Add(info.ReturnType);
            }
        }

        return direct.SelectMany(Unfold);
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    /// <summary>String literals (raw, verbatim, regular): what they say is not a dependency.</summary>
    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@\"(?:[^\"]|\"\")*\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex Text();

    [GeneratedRegex(@"\bDealPipeline\.Api\.Features\b|\busing\s+DealPipeline\.Api\.Features|\bFeatures\.[A-Z]\w*\.")]
    private static partial Regex FeatureNamespace();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(UPDATE|INSERT INTO|DELETE FROM)\s+deals\b", RegexOptions.IgnoreCase)]
    private static partial Regex DealsWrite();
}
