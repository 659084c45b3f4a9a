namespace DealPipeline.Api.Features.Common;

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

    private static readonly Dictionary<LeadSource, (string Zh, string En)> LeadSources = new()
    {
        [LeadSource.Form] = ("线上登记", "Form"),
        [LeadSource.Event] = ("招商活动", "Event"),
        [LeadSource.Referrer] = ("引荐人", "Referrer"),
        [LeadSource.Visit] = ("来访走访", "Visit"),
        [LeadSource.Call] = ("来电", "Call"),
        [LeadSource.Other] = ("其他", "Other"),
    };

    private static readonly Dictionary<DealStatus, (string Zh, string En)> Statuses = new()
    {
        [DealStatus.Active] = ("在谈", "Active"),
        [DealStatus.OnHold] = ("暂缓", "On hold"),
        [DealStatus.Lost] = ("流失", "Lost"),
    };

    private static readonly Dictionary<LostReason, (string Zh, string En)> LostReasons = new()
    {
        [LostReason.ChoseOtherLocation] = ("选择了其他地区", "Chose another location"),
        [LostReason.Funding] = ("资金问题", "Funding"),
        [LostReason.PolicyMismatch] = ("政策不匹配", "Policy mismatch"),
        [LostReason.StrategyChange] = ("企业战略调整", "Strategy change"),
        [LostReason.Other] = ("其他", "Other"),
    };

    private static readonly Dictionary<Enum, string> Chinese = new()
    {
        [HistoryKind.Stage] = "阶段", [HistoryKind.Status] = "状态",
        [ActivityType.Call] = "电话", [ActivityType.Meeting] = "会谈", [ActivityType.Visit] = "走访企业", [ActivityType.SiteVisit] = "实地考察",
        [ActivityType.Reception] = "接待", [ActivityType.Other] = "其他",
        [LetterType.Initiative] = "合作倡议书", [LetterType.Intent] = "合作意向书", [LetterType.ExpertAppointment] = "专家聘书",
        [EventType.Promotion] = "招商推介会", [EventType.Forum] = "论坛", [EventType.OutboundTrip] = "招商考察", [EventType.Exhibition] = "展会",
        [EventType.Webinar] = "网络推介", [EventType.Other] = "其他",
    };

    /// <summary>The Chinese label of a stage, status, lost reason, source, activity, letter or event type or a history kind; null for others.</summary>
    public static string? Zh(Enum value) => value switch
    {
        Stage stage => Stages.GetValueOrDefault(stage).Zh,
        DealStatus status => Statuses.GetValueOrDefault(status).Zh,
        LostReason reason => LostReasons.GetValueOrDefault(reason).Zh,
        DealSource source => Sources.GetValueOrDefault(source).Zh,
        LeadSource source => LeadSources.GetValueOrDefault(source).Zh,
        _ => Chinese.GetValueOrDefault(value),
    };

    public static string Of(DealStatus status, bool english) => english ? Statuses[status].En : Statuses[status].Zh;

    public static string Of(LostReason reason, bool english) => english ? LostReasons[reason].En : LostReasons[reason].Zh;

    public static string Of(Stage stage, bool english) => english ? Stages[stage].En : Stages[stage].Zh;

    public static string Of(DealSource source, bool english) => english ? Sources[source].En : Sources[source].Zh;

    public static string Of(LeadSource source, bool english) => english ? LeadSources[source].En : LeadSources[source].Zh;

    public static string Total(bool english) => english ? "Total" : "合计";

    public static string Of(ChainPosition position, bool english) => position switch
    {
        ChainPosition.Upstream => english ? "Upstream" : "上游",
        ChainPosition.Midstream => english ? "Midstream" : "中游",
        _ => english ? "Downstream" : "下游",
    };

    public static string Of(DeadlineKind kind, bool english) => kind switch
    {
        DeadlineKind.Answer => english ? "First response" : "首次响应",
        DeadlineKind.Assess => english ? "Assessment" : "项目研判",
        _ => english ? "Progress report" : "定期报告",
    };

    public static string None(bool english) => english ? "None" : "未指定";

    /// <summary>True when the request's Accept-Language prefers English over Chinese.</summary>
    public static bool PrefersEnglish(HttpRequest request) => Http.Languages.Preferred(request) == "en";
}
