using DealPipeline.Domain;

namespace DealPipeline.Api.Features.Reports;

/// <summary>Report labels: Chinese by default, English when the caller prefers it (Accept-Language: en).</summary>
public static class Labels
{
    private static readonly Dictionary<Stage, (string Zh, string En)> Stages = new()
    {
        [Stage.Contact] = ("接洽", "Contact"),
        [Stage.Negotiation] = ("洽谈", "Negotiation"),
        [Stage.Letters] = ("三书", "Letters"),
        [Stage.Signed] = ("签约", "Signed"),
        [Stage.Landed] = ("落地", "Landed"),
    };

    private static readonly Dictionary<DealSource, (string Zh, string En)> Sources = new()
    {
        [DealSource.Event] = ("活动招商", "Promotion event"),
        [DealSource.Referral] = ("以商招商", "Referral"),
        [DealSource.Operator] = ("集群式招商", "Operator-led cluster"),
        [DealSource.ChainTargeting] = ("以链招商", "Chain targeting"),
        [DealSource.Fund] = ("以投促招", "Fund-led"),
        [DealSource.OutboundTrip] = ("招商考察", "Outbound trip"),
        [DealSource.Inbound] = ("主动来访", "Inbound"),
        [DealSource.Other] = ("其他", "Other"),
    };

    public static string Of(Stage stage, bool english) => english ? Stages[stage].En : Stages[stage].Zh;

    public static string Of(DealSource source, bool english) => english ? Sources[source].En : Sources[source].Zh;

    public static string None(bool english) => english ? "None" : "未指定";

    /// <summary>True when the request's Accept-Language prefers English over Chinese.</summary>
    public static bool PrefersEnglish(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var languages = request.GetTypedHeaders().AcceptLanguage;
        var best = languages
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("en", StringComparison.OrdinalIgnoreCase) || l.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
        return best?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }
}
