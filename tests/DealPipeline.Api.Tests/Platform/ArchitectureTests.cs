using System.Reflection;
using System.Text.RegularExpressions;

namespace DealPipeline.Api.Tests;

/// <summary>
/// Dependencies point one way: Domain ← Infrastructure ← Api, and inside Api the HTTP edge (Http) and the
/// request pipeline (Application) never use a feature (Features): features plug into them, through
/// interfaces they declare (IDealSnapshots, IChangeOutbox, ITombstone …). Checked on the assemblies'
/// references, on every signature of the Http and Application types, and on their source, which also
/// sees what method bodies use. Inside Features, each area is a module that Program.cs lists; handlers
/// write through their area's store; no static helper takes a session; and areas use each other only
/// as <see cref="AllowedAreas"/> says, never in a circle (decision 0014).
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

    /// <summary>
    /// What each area may use of the others (every area may use Common); an area not listed uses no other.
    /// Reading down the list never goes back up: an area uses only areas below it, so there is no cycle.
    /// A new dependency is a line here, made on purpose.
    /// </summary>
    private static readonly Dictionary<string, string[]> AllowedAreas = new(StringComparer.Ordinal)
    {
        ["Ledgers"] = ["Activities", "Companies", "Deals", "Exports", "Funds", "Letters", "Milestones"],
        ["Health"] = ["Deadlines", "Deals", "Reports"],
        ["Webhooks"] = ["Activities", "Attachments", "Claims", "Events", "Leads", "Letters", "Milestones"],
        ["Milestones"] = ["Deals", "Reports"],
        ["Counting"] = ["Deals", "FxRates", "Reports"],
        ["Companies"] = ["Chains", "Claims", "Deals"],
        ["Exports"] = ["Activities", "Deals", "Events", "Feeds", "FxRates", "Letters"],
        ["Events"] = ["FxRates", "Reports"],
        ["Reports"] = ["Chains", "Deadlines", "Deals", "Evaluation", "FxRates", "Referrals", "Targets"],
        ["Referrals"] = ["Deals", "FxRates"],
        ["Leads"] = ["Activities", "Claims", "Deadlines", "Deals", "FxRates"],
        ["Feeds"] = ["Activities", "Deals"],
        ["Activities"] = ["Deals"],
        ["Chains"] = ["Deals"],
        ["Deadlines"] = ["Deals", "FxRates"],
        ["Evaluation"] = ["Deals"],
        ["Funds"] = ["Deals"],
        ["Attachments"] = ["Deals"],
        ["Letters"] = ["Deals"],
        ["Deals"] = ["Claims", "FxRates", "Sectors"],
        ["Claims"] = ["FxRates"],
    };

    private static string Features(params string[] parts) => Repository.File(["src", "Api", "Features", .. parts]);

    private static IEnumerable<string> Areas() =>
        Directory.EnumerateDirectories(Features()).Select(d => Path.GetFileName(d)!).Where(a => a != "Common").Order(StringComparer.Ordinal);

    [Fact]
    public void Every_area_is_one_module_in_its_own_file_and_Program_lists_every_module()
    {
        var modules = Api.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Features.Common.IModule).IsAssignableFrom(t)).ToList();
        var program = File.ReadAllText(Repository.File("src", "Api", "Program.cs"));
        var offences = new List<string>();
        foreach (var area in Areas())
        {
            var ofArea = modules.Where(m => m.Namespace == $"DealPipeline.Api.Features.{area}").Select(m => m.Name).ToList();
            if (ofArea is not [var name] || name != area + "Module")
            {
                offences.Add($"{area} has the modules [{string.Join(", ", ofArea)}], not one {area}Module");
            }
            else if (!File.Exists(Features(area, name + ".cs")))
            {
                offences.Add($"{name} is not in Features/{area}/{name}.cs");
            }
        }

        offences.AddRange(modules.Where(m => !program.Contains($"new {m.Name}()", StringComparison.Ordinal) && !program.Contains($"new Features.{m.Namespace!.Split('.')[^1]}.{m.Name}()", StringComparison.Ordinal))
            .Select(m => $"Program.cs does not list {m.Name}"));
        Assert.True(offences.Count == 0, string.Join("\n", offences));
        Assert.True(program.Split('\n').Length < 100, "Program.cs lists the modules and the platform; what they do lives in them.");
    }

    [Fact]
    public void The_tests_mirror_the_feature_folders()
    {
        // Targets are set and read through the performance report's completion ratios, which its tests compute.
        var testFolders = Directory.EnumerateDirectories(Repository.File("tests", "DealPipeline.Api.Tests"))
            .Select(d => Path.GetFileName(d)!).Where(d => d is not ("bin" or "obj" or "Infrastructure" or "Platform")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Areas().Append("Common").Where(a => a != "Targets").Order(StringComparer.Ordinal), testFolders);
    }

    [Fact]
    public void No_handler_writes_to_the_database_itself_its_areas_store_does()
    {
        var writers = Directory.EnumerateFiles(Features(), "*.cs", SearchOption.AllDirectories)
            .Select(f => (File: f, Code: Comment().Replace(File.ReadAllText(f), "")))
            .Where(f => f.Code.Contains("IRequestHandler<", StringComparison.Ordinal) && SqlWrite().IsMatch(f.Code))
            .Select(f => Path.GetRelativePath(Features(), f.File))
            .ToList();

        Assert.True(writers.Count == 0, "handlers that write SQL themselves: " + string.Join(", ", writers));
    }

    [Fact]
    public void No_feature_has_a_static_helper_that_takes_a_database_session()
    {
        const BindingFlags Statics = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var helpers = Api.GetTypes().Where(IsFeature)
            .SelectMany(t => t.GetMethods(Statics).Where(m => !m.IsPrivate && m.GetParameters().Any(p => p.ParameterType == typeof(DbSession))).Select(m => $"{t.Name}.{m.Name}"))
            .ToList();

        Assert.True(helpers.Count == 0, "inject a store instead: " + string.Join(", ", helpers));
    }

    [Fact]
    public void Areas_use_only_the_areas_they_are_allowed_to_and_never_in_a_circle()
    {
        Assert.Empty(AllowedAreas.Keys.Except(Areas()));
        var order = AllowedAreas.Keys.ToList();
        foreach (var (area, uses) in AllowedAreas)
        {
            Assert.All(uses, used => Assert.True(!AllowedAreas.ContainsKey(used) || order.IndexOf(used) > order.IndexOf(area), $"{area} uses {used}, which stands above it: a circle could close"));
        }

        var offences = new List<string>();
        foreach (var area in Areas())
        {
            foreach (var file in Directory.EnumerateFiles(Features(area), "*.cs"))
            {
                var code = Comment().Replace(Text().Replace(File.ReadAllText(file), "\"\""), "");
                offences.AddRange(AreaReference().Matches(code).Select(m => m.Groups[1].Value).Distinct()
                    .Where(used => used != area && used != "Common" && !AllowedAreas.GetValueOrDefault(area, []).Contains(used))
                    .Select(used => $"{area}/{Path.GetFileName(file)} uses {used}"));
            }
        }

        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Fact]
    public void Every_audited_answer_gives_its_id_version_and_deal_through_an_interface_not_a_property_name()
    {
        var offences = new List<string>();
        foreach (var request in Api.GetTypes().Where(t => t.IsClass && typeof(Application.Behaviors.IAudited).IsAssignableFrom(t)))
        {
            var answer = request.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MediatR.IRequest<>)).GetGenericArguments()[0];
            var expected = new (string Property, Type[] Types, Type Interface)[]
            {
                ("Id", [typeof(long)], typeof(Application.IHasId)), ("Version", [typeof(int)], typeof(Application.IVersioned)), ("DealId", [typeof(long), typeof(long?)], typeof(Application.IDealScoped)),
            };
            offences.AddRange(expected
                .Where(e => e.Types.Contains(answer.GetProperty(e.Property)?.PropertyType) && !e.Interface.IsAssignableFrom(answer))
                .Select(e => $"{request.Name} answers {answer.Name}, whose {e.Property} the audit log would miss: implement {e.Interface.Name}"));
        }

        Assert.True(offences.Count == 0, string.Join("\n", offences));
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

    [GeneratedRegex(@"InsertReturningId|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\.ExecuteAsync\(")]
    private static partial Regex SqlWrite();

    [GeneratedRegex(@"(?:using\s+DealPipeline\.Api\.Features\.|(?<![\w.])Features\.|DealPipeline\.Api\.Features\.)(\w+)\b")]
    private static partial Regex AreaReference();
}
