using System.Reflection;
using DealPipeline.Domain;

namespace DealPipeline.Api.Http;

/// <summary>
/// Every title, detail and field message of a problem answer that is not a rule of the domain
/// (those are <see cref="RuleTexts"/>), in English and Chinese, each under its field's name (the
/// text's <see cref="Text.Key"/>). A problem carries <see cref="Message"/>s, not strings, up to
/// <see cref="ProblemWriter"/>, which says each in the caller's language: nothing is looked up by
/// its English. A message no text declares (a framework's own) is answered as it is and logged
/// as untranslated, which fails the test suite.
/// </summary>
public static class ProblemTexts
{
    /// <summary>A framework's own text that no entry declares: answered as it is, in English, and logged (<see cref="ProblemWriter"/>).</summary>
    public static readonly Text Untranslated = new("{text}", "{text}");

    // Titles
    public static readonly Text ValidationFailed = new(
        "One or more validation errors occurred.",
        "请求有一处或多处不符合要求。");
    public static readonly Text BadRequest = new(
        "Bad request",
        "请求有误");
    public static readonly Text Unauthorized = new(
        "Unauthorized",
        "未认证");
    public static readonly Text Forbidden = new(
        "Forbidden",
        "无权操作");
    public static readonly Text NotFound = new(
        "Not found",
        "未找到");
    public static readonly Text MethodNotAllowed = new(
        "Method Not Allowed",
        "不支持该方法");
    public static readonly Text Conflict = new(
        "Conflict",
        "冲突");
    public static readonly Text MovedPermanently = new(
        "Moved permanently",
        "已永久迁移");
    public static readonly Text Gone = new(
        "Gone",
        "已不存在");
    public static readonly Text PreconditionFailed = new(
        "Precondition failed",
        "前提条件不成立");
    public static readonly Text RequestBodyTooLarge = new(
        "Request body too large",
        "请求体过大");
    public static readonly Text RequestHeaderFieldsTooLarge = new(
        "Request Header Fields Too Large",
        "请求头过大");
    public static readonly Text URITooLong = new(
        "URI Too Long",
        "网址过长");
    public static readonly Text UnsupportedMediaType = new(
        "Unsupported media type",
        "不支持的媒体类型");
    public static readonly Text IdempotencyKeyConflict = new(
        "Idempotency key conflict",
        "幂等键冲突");
    public static readonly Text TooManyRequests = new(
        "Too many requests",
        "请求过于频繁");
    public static readonly Text ServiceUnavailable = new(
        "Service unavailable",
        "服务暂不可用");
    public static readonly Text UnexpectedErrorOccurred = new(
        "An unexpected error occurred.",
        "发生了意外错误。");
    public static readonly Text ClientClosedRequest = new(
        "Client closed request",
        "客户端已关闭请求");

    // Keys, roles, budgets, the service's state
    public static readonly Text SendAPIKeyXApiKey = new(
        "Send an API key in X-Api-Key or as Authorization: Bearer <key>.",
        "请在 X-Api-Key 中或以 Authorization: Bearer <key> 发送 API 密钥。");
    public static readonly Text APIKeyUnknownRevoked = new(
        "The API key is unknown or revoked.",
        "API 密钥不存在或已吊销。");
    public static readonly Text YourRoleMayNotDo = new(
        "Your role may not do this.",
        "您的角色无权执行此操作。");
    public static readonly Text YouMayChangeOnlyDealsYou = new(
        "You may change only the deals you own or that belong to your team.",
        "您只能修改自己负责或本组负责的项目。");
    public static readonly Text YouMayManageOnlyYourOwn = new(
        "You may manage only your own keys.",
        "您只能管理自己的密钥。");
    public static readonly Text OfficerAssignsDealsOnlyThemselvesMember = new(
        "An officer assigns deals only to themselves or a member of their team, within their team.",
        "招商专员只能把项目指派给自己或本组成员，并归属本组。");
    public static readonly Text RequestBudgetKeyAddressRequestsWithout = new(
        "The request budget of this key, or of this address for requests without a known key, is spent; retry after {seconds} s.",
        "此密钥（或无有效密钥时此地址）的请求额度已用完，请 {seconds} 秒后重试。");
    public static readonly Text ServiceShuttingDownNothingAppliedRetry = new(
        "The service is shutting down; nothing was applied. Retry in a moment.",
        "服务正在停止，本次请求未生效，请稍后重试。");
    public static readonly Text DatabaseBusyUnreachableNothingAppliedRetry = new(
        "The database is busy or unreachable; nothing was applied. Retry in a moment.",
        "数据库繁忙或无法连接，本次请求未生效，请稍后重试。");
    public static readonly Text SomethingSameUniqueNameCodeCreated = new(
        "Something with the same unique name or code was created at the same time; nothing was applied. Read it, or choose another.",
        "同一时间已有同名或同代码的记录被创建，本次请求未生效。请读取该记录，或换一个名称。");
    public static readonly Text ServiceBacksUpOnlyEmbeddedSQLite = new(
        "The service backs up only its embedded SQLite database; back up the database server with its own tools.",
        "服务只能备份内嵌的 SQLite 数据库；数据库服务器请用其自带工具备份。");

    // Requests: bodies, queries, headers, paging
    public static readonly Text BodyNotJson = new(
        "The request body is not valid JSON: {reason}",
        "请求体不是有效的 JSON：{reason}");
    public static readonly Text ValueAtPathInvalid = new(
        "The value at '{path}' is not valid: {reason}",
        "'{path}' 处的值无效：{reason}");
    public static readonly Text FieldMustKind = new(
        "'{field}' must be {kind}.",
        "'{field}' 必须是{kind}。");
    public static readonly Text ValueNotKind = new(
        "'{value}' is not {kind}.",
        "'{value}' 不是{kind}。");
    public static readonly Text WholeNumber = new(
        "a whole number",
        "整数");
    public static readonly Text Number = new(
        "a number",
        "数字");
    public static readonly Text TrueFalse = new(
        "true or false",
        "true 或 false");
    public static readonly Text String = new(
        "a string",
        "字符串");
    public static readonly Text DateWrittenYYYYMMDD = new(
        "a date written YYYY-MM-DD",
        "YYYY-MM-DD 格式的日期");
    public static readonly Text Iso8601Timestamp = new(
        "an ISO 8601 timestamp such as {example}",
        "ISO 8601 时间戳（如 {example}）");
    public static readonly Text JSONObject = new(
        "a JSON object",
        "JSON 对象");
    public static readonly Text Valid = new(
        "a valid {type}",
        "有效的 {type}");
    public static readonly Text OneValues = new(
        "one of: {values}",
        "以下之一：{values}");
    public static readonly Text SendBodyApplicationJson = new(
        "Send the body as application/json.",
        "请以 application/json 发送请求体。");
    public static readonly Text SendPatchTypeApplicationJson = new(
        "Send the patch as {type} or application/json.",
        "请以 {type} 或 application/json 发送补丁。");
    public static readonly Text MergePatchJSONObjectFieldsChange = new(
        "A merge patch is a JSON object of the fields to change.",
        "合并补丁（merge patch）是一个列出待改字段的 JSON 对象。");
    public static readonly Text PatchNamesFieldsCannotPatched = new(
        "The patch names fields that cannot be patched.",
        "补丁中含有不能修改的字段。");
    public static readonly Text IdSetByServer = new(
        "The id is set by the server.",
        "id 由服务端设定。");
    public static readonly Text TimestampsSetServer = new(
        "Timestamps are set by the server.",
        "时间戳由服务端设定。");
    public static readonly Text UnknownField = new(
        "Unknown field.",
        "未知字段。");
    public static readonly Text StatusChangesThroughPOSTApiV1 = new(
        "The status changes through POST /api/v1/deals/{id}/status.",
        "状态请通过 POST /api/v1/deals/{id}/status 变更。");
    public static readonly Text LostReasonGivenPOSTApiV1 = new(
        "The lost reason is given with POST /api/v1/deals/{id}/status.",
        "流失原因请通过 POST /api/v1/deals/{id}/status 给出。");
    public static readonly Text SigningDateSetTransitionSigned = new(
        "The signing date is set by the transition to signed.",
        "签约日期由转入签约阶段时设定。");
    public static readonly Text LandingDateSetTransitionLanded = new(
        "The landing date is set by the transition to landed.",
        "落地日期由转入落地阶段时设定。");
    public static readonly Text MilestonesRecordedThroughPOSTApiV1 = new(
        "Milestones are recorded through POST /api/v1/deals/{id}/milestones.",
        "里程碑请通过 POST /api/v1/deals/{id}/milestones 记录。");
    public static readonly Text OpeningDatePartDealHistoryCannot = new(
        "The opening date is part of the deal's history and cannot be changed.",
        "立项日期属于项目历史，不能修改。");
    public static readonly Text VersionSetServerSendIfMatch = new(
        "The version is set by the server; send it as If-Match to guard a change.",
        "version 由服务端设定；请把它放在 If-Match 中以防止覆盖他人的修改。");
    public static readonly Text UnknownQueryParameter = new(
        "Unknown query parameter: {names}.",
        "未知的查询参数：{names}。");
    public static readonly Text UnknownQueryParameters = new(
        "Unknown query parameters: {names}.",
        "未知的查询参数：{names}。");
    public static readonly Text UnknownQueryParameterTakesNone = new(
        "Unknown query parameter '{name}'; this endpoint takes: none.",
        "未知的查询参数 '{name}'；此接口不接受查询参数。");
    public static readonly Text UnknownQueryParameterTakes = new(
        "Unknown query parameter '{name}'; this endpoint takes: {names}.",
        "未知的查询参数 '{name}'；此接口接受：{names}。");
    public static readonly Text RequestNeedsJSONBody = new(
        "The request needs a JSON body.",
        "此请求需要 JSON 请求体。");
    public static readonly Text TextMayNotContainControlCharacters = new(
        "Text may not contain control characters (other than tab and line breaks), unpaired surrogates, or invisible formatting characters such as U+202E or U+200B.",
        "文本不能包含控制字符（制表符和换行除外）、不成对的代理项，或 U+202E、U+200B 等不可见的格式字符。");
    public static readonly Text StageChangesThroughPOSTApiV1 = new(
        "The stage changes through POST /api/v1/deals/{id}/transitions.",
        "阶段请通过 POST /api/v1/deals/{id}/transitions 变更。");
    public static readonly Text RequestBodyLargerLimitBytes = new(
        "The request body is larger than {limit} bytes.",
        "请求体超过 {limit} 字节。");
    public static readonly Text IfMatchMalformed = new(
        "If-Match is * or a list of entity tags as returned by GET, e.g. \"3\".",
        "If-Match 应为 *，或 GET 返回的实体标签列表，例如 \"3\"。");
    public static readonly Text IfMatchStale = new(
        "If-Match does not match the current version (ETag \"{version}\"): read the resource again and reapply your change.",
        "If-Match 与当前版本（ETag \"{version}\"）不符：请重新读取资源后再修改。");
    public static readonly Text IdempotencyKeyMostMaxPrintableCharacters = new(
        "Idempotency-Key is at most {max} printable characters.",
        "Idempotency-Key 最多 {max} 个可打印字符。");
    public static readonly Text IdempotencyKeyUsedAnotherRequest = new(
        "This Idempotency-Key was used with another request.",
        "该 Idempotency-Key 已用于另一个请求。");
    public static readonly Text AnotherRequestIdempotencyKeyAppliedMeanwhile = new(
        "Another request with this Idempotency-Key was applied meanwhile; read the resource before retrying.",
        "同一 Idempotency-Key 的另一个请求已先执行；请先读取资源再重试。");
    public static readonly Text RequestAlreadyAppliedSeeLocationAnswer = new(
        "This request was already applied (see Location); its answer held a secret (an API key or a webhook signing secret), which is shown only once and never stored. Revoke the key or rotate the secret if it was lost.",
        "该请求已执行（见 Location）；其应答含有只显示一次、从不保存的密钥（API 密钥或 webhook 签名密钥）。如已遗失，请吊销该密钥或轮换签名密钥。");
    public static readonly Text LimitBetween1Max = new(
        "limit is between 1 and {max}.",
        "limit 取值为 1 到 {max}。");
    public static readonly Text CursorNotOneAPIReturned = new(
        "The cursor is not one this API returned.",
        "该游标不是本接口返回的。");
    public static readonly Text CursorNotOneAPIGaveYou = new(
        "The cursor is not one this API gave you for this query: start again without a cursor.",
        "该游标不是本接口为此查询发给您的：请不带游标重新开始。");
    public static readonly Text CursorBelongsAnotherSortOrderStart = new(
        "The cursor belongs to another sort order; start again without a cursor.",
        "该游标属于另一种排序：请不带游标重新开始。");
    public static readonly Text GiveAfterCursorNotBoth = new(
        "Give after or cursor, not both.",
        "after 与 cursor 只能给出一个。");
    public static readonly Text AfterSequenceNumber0More = new(
        "'after' is a sequence number, 0 or more.",
        "'after' 是序号，不小于 0。");

    // Shared rules
    public static readonly Text FieldRequired = new(
        "'{field}' is required.",
        "'{field}' 为必填项。");
    public static readonly Text FieldPositiveId = new(
        "'{field}' is a positive id.",
        "'{field}' 应为正整数 id。");
    public static readonly Text FieldAmountFrom0MaxMost = new(
        "'{field}' is an amount from 0 to {max} with at most two decimals.",
        "'{field}' 应为 0 到 {max} 之间、最多两位小数的金额。");
    public static readonly Text FieldDatesFromMinMax = new(
        "'{field}': Dates are from {min} to {max}.",
        "'{field}'：日期范围为 {min} 至 {max}。");
    public static readonly Text FieldCannotFutureDatesChinaStandard = new(
        "'{field}' cannot be in the future (dates are China Standard Time).",
        "'{field}' 不能晚于今天（按北京时间）。");
    public static readonly Text FieldDateWrittenYYYYMMDD = new(
        "'{field}' is a date written YYYY-MM-DD.",
        "'{field}' 应为 YYYY-MM-DD 格式的日期。");
    public static readonly Text FieldOneValues = new(
        "'{field}' is one of: {values}.",
        "'{field}' 取值为：{values}。");
    public static readonly Text FieldOneMoreCommaSeparatedValues = new(
        "'{field}' is one or more (comma-separated) of: {values}.",
        "'{field}' 取值为以下一个或多个（逗号分隔）：{values}。");
    public static readonly Text FieldBetweenMinMax = new(
        "'{field}' is between {min} and {max}.",
        "'{field}' 取值为 {min} 到 {max}。");
    public static readonly Text FieldAfterOther = new(
        "'{field}' is on or after '{other}'.",
        "'{field}' 不能早于 '{other}'。");
    public static readonly Text UpdatedBeforeLaterUpdatedSince = new(
        "'updatedBefore' is later than updatedSince.",
        "'updatedBefore' 应晚于 updatedSince。");
    public static readonly Text NoSuch = new(
        "There is no {what} {id}.",
        "不存在 {what} {id}。");
    public static readonly Text FieldTooLong = new(
        "The length of '{field}' must be {max} characters or fewer. You entered {length} characters.",
        "'{field}' 最多 {max} 个字符，您输入了 {length} 个。");
    public static readonly Text FieldOutOfRange = new(
        "'{field}' must be between {min} and {max}. You entered {value}.",
        "'{field}' 必须在 {min} 到 {max} 之间，您输入的是 {value}。");

    // Reports and periods
    public static readonly Text GiveEitherYearFromNotBoth = new(
        "Give either year or from and to, not both.",
        "year 与 from/to 只能给出一种。");
    public static readonly Text GiveFromYYYYMMDDYear = new(
        "Give from and to (YYYY-MM-DD), or year.",
        "请给出 from 和 to（YYYY-MM-DD），或给出 year。");
    public static readonly Text PeriodMostNYears = new(
        "A period is at most {n} years.",
        "统计期间最长 {n} 年。");
    public static readonly Text MostNIntervalsChooseLongerInterval = new(
        "At most {n} intervals: choose a longer interval or a shorter period.",
        "最多 {n} 个区间：请选择更长的区间或更短的期间。");
    public static readonly Text GroupByOneStageSectorParkOwner = new(
        "'groupBy' is one of stage, sector, park, owner, team, source, province, city, or two dimensions as sector,stage, park,stage, owner,stage, team,stage, source,stage, province,stage or city,stage.",
        "'groupBy' 取值为 stage、sector、park、owner、team、source、province、city，或两个维度：sector,stage、park,stage、owner,stage、team,stage、source,stage、province,stage、city,stage。");
    public static readonly Text StatusActiveDefaultOnHoldAnyActive = new(
        "'status' is active (default), onHold or any (active and on hold); lost deals are not in the pipeline.",
        "'status' 取值为 active（默认）、onHold 或 any（在谈与暂停）；已流失项目不计入项目库。");
    public static readonly Text SortOneUpdatedAtOpenedOnIntendedInvestmentName = new(
        "'sort' is one of updatedAt, openedOn, intendedInvestment, name, id, each optionally prefixed with '-' for descending.",
        "'sort' 取值为 updatedAt、openedOn、intendedInvestment、name、id，前加 '-' 表示降序。");
    public static readonly Text LangZhCNChineseHeadersLabels = new(
        "'lang' is zh-CN (Chinese headers and labels) or en (English codes).",
        "'lang' 取值为 zh-CN（中文表头和名称）或 en（英文代码）。");
    public static readonly Text TargetsOfficeOneParkOneTeam = new(
        "Targets are for the office, one park or one team, not a park and a team at once.",
        "目标针对全局、某个园区或某个小组，不能同时指定园区和小组。");
    public static readonly Text NoRateFor = new(
        "There is no rate for {currency}: set one with PUT /api/v1/fx-rates/{code} first.",
        "没有 {currency} 的汇率：请先用 PUT /api/v1/fx-rates/{code} 设置。");

    // Deals
    public static readonly Text RequiredContactNegotiationLettersSignedLanded = new(
        "'to' is required: contact, negotiation, letters, signed or landed.",
        "'to' 为必填项：contact、negotiation、letters、signed 或 landed。");
    public static readonly Text StatusRequiredActiveOnHoldLost = new(
        "'status' is required: active, onHold or lost.",
        "'status' 为必填项：active、onHold 或 lost。");
    public static readonly Text ReasonRequiredLostDealChoseOtherLocationFunding = new(
        "'reason' is required for a lost deal: choseOtherLocation, funding, policyMismatch, strategyChange or other.",
        "标记项目流失时 'reason' 为必填项：choseOtherLocation、funding、policyMismatch、strategyChange 或 other。");
    public static readonly Text ReasonCategoryLostDealUseNote = new(
        "'reason' is the category of a lost deal; use 'note' to explain a hold or a reactivation.",
        "'reason' 只用于流失项目的原因分类；暂停或恢复的说明请写在 'note' 中。");
    public static readonly Text KindRequiredMilestoneStep = new(
        "'kind' is required: the code of one of the office's milestone steps (GET /api/v1/milestone-steps), such as constructionStarted or productionStarted.",
        "'kind' 为必填项：本单位节点的代码（见 GET /api/v1/milestone-steps），如 constructionStarted、productionStarted。");
    public static readonly Text AnalystCannotOwnDeals = new(
        "An analyst cannot own deals.",
        "分析员不能负责项目。");
    public static readonly Text OwnerIdRequiredOfficerWhoOwnsDeal = new(
        "'ownerId' is required: the officer who owns the deal.",
        "'ownerId' 为必填项：负责该项目的招商专员。");
    public static readonly Text CurrencyISO4217CodeCapitalsE = new(
        "'currency' is an ISO 4217 code in capitals, e.g. CNY or USD.",
        "'currency' 应为大写的 ISO 4217 币种代码，如 CNY、USD。");
    public static readonly Text ChainNamedNameAlreadyExists = new(
        "A chain named '{name}' already exists.",
        "名为 '{name}' 的产业链已存在。");
    public static readonly Text ChainAlreadyHasLinkNamedName = new(
        "The chain already has a link named '{name}'.",
        "该产业链已有名为 '{name}' 的环节。");
    public static readonly Text LinkHasLinksSubLinksCompanies = new(
        "The link has {links} sub-links, {companies} companies and {deals} deals attached: move or detach them first.",
        "该环节下有 {links} 个下级环节、{companies} 家企业和 {deals} 个项目，请先移走或解除挂接。");
    public static readonly Text PositionRequiredUpstreamMidstreamDownstream = new(
        "'position' is required: upstream, midstream or downstream.",
        "'position' 为必填项：upstream（上游）、midstream（中游）或 downstream（下游）。");
    public static readonly Text FieldListMostCountPositiveIds = new(
        "'{field}' is a list of at most {count} positive ids.",
        "'{field}' 是最多 {count} 个正整数 id 的列表。");
    public static readonly Text YearFromFirstLast = new(
        "'year' is from {first} to {last}.",
        "'year' 取值为 {first} 至 {last}。");
    public static readonly Text HolidaysRequiredYearPublicHolidaysYYYY = new(
        "'holidays' is required: the year's public holidays (YYYY-MM-DD), an empty list for none.",
        "'holidays' 为必填项：该年的法定节假日（YYYY-MM-DD），没有则为空列表。");
    public static readonly Text FieldDaysYearPath = new(
        "'{field}' are days of the year in the path.",
        "'{field}' 中的日期须属于路径中的年份。");
    public static readonly Text WorkdaysSaturdaysSundaysMadeWorkingDays = new(
        "'workdays' are the Saturdays and Sundays made working days (调休); Monday to Friday are working days already.",
        "'workdays' 是调休上班的周六、周日；周一至周五本来就是工作日。");
    public static readonly Text DayCannotBothHolidayWorkingDay = new(
        "A day cannot be both a holiday and a working day.",
        "同一天不能既是节假日又是调休工作日。");
    public static readonly Text NoCalendarLoadedYearLoadPUT = new(
        "No calendar is loaded for {year}: load it with PUT /api/v1/calendar/{again}.",
        "尚未载入 {year} 年的日历：请用 PUT /api/v1/calendar/{again} 载入。");
    public static readonly Text MinIntendedInvestmentRequiredClassLeadIntendedInvestment = new(
        "'minIntendedInvestment' is required: the class of lead, intended investment in CNY of at least this (0 for every lead).",
        "'minIntendedInvestment' 为必填项：线索分类，即折合人民币的意向投资额不低于此数（0 表示所有线索）。");
    public static readonly Text FieldCountRequiredWholeNumberDays = new(
        "'{field}.count' is required: a whole number of days.",
        "'{field}.count' 为必填项：天数（整数）。");
    public static readonly Text FieldCountFrom1Max = new(
        "'{field}.count' is from 1 to {max}.",
        "'{field}.count' 取值为 1 至 {max}。");
    public static readonly Text FieldUnitRequiredWorkingDaysOfficeCalendar = new(
        "'{field}.unit' is required: workingDays (on the office's calendar) or days.",
        "'{field}.unit' 为必填项：workingDays（按本单位日历的工作日）或 days（自然日）。");
    public static readonly Text RuleSetsLeastOneDeadlineAnswerWithin = new(
        "A rule sets at least one deadline: answerWithin, assessWithin or reportEvery.",
        "规则至少要设定一项时限：answerWithin、assessWithin 或 reportEvery。");
    public static readonly Text DeadlineRuleNameAlreadyHasName = new(
        "The deadline rule '{name}' already has this name or this minIntendedInvestment: each lead falls in one class.",
        "时限规则 '{name}' 已使用这个名称或这个 minIntendedInvestment：每条线索只能属于一个分类。");
    public static readonly Text KeyScoredTwice = new(
        "'{key}' is scored twice.",
        "'{key}' 被重复打分。");
    public static readonly Text KeyGivenTwice = new(
        "'{key}' is given twice.",
        "'{key}' 被重复列出。");
    public static readonly Text CriteriaRequiredCriterionKeyNameWeight = new(
        "'criteria' is required: each criterion's key, name and weight in points, summing to 100.",
        "'criteria' 为必填项：每项指标的键、名称和权重分值，合计 100 分。");
    public static readonly Text BandsRequiredBandKeyNameMinScore = new(
        "'bands' is required: each band's key, name and minScore, one of them 0.",
        "'bands' 为必填项：每个等级的键、名称和 minScore，其中一个为 0。");
    public static readonly Text CriteriaSetNamedNameAlreadyExists = new(
        "A criteria set named '{name}' already exists.",
        "名为 '{name}' 的评价指标体系已存在。");
    public static readonly Text CriteriaSetIdHasNoRevision = new(
        "Criteria set {id} has no revision {revision}.",
        "评价指标体系 {id} 没有第 {revision} 版。");
    public static readonly Text CriteriaSetIdRequiredCriteriaSetDealScored = new(
        "'criteriaSetId' is required: the criteria set the deal is scored under.",
        "'criteriaSetId' 为必填项：项目打分所依据的评价指标体系。");
    public static readonly Text CriteriaSetIdRequiredCriteriaSetWhoseBands = new(
        "'criteriaSetId' is required: the criteria set whose bands the report groups by.",
        "'criteriaSetId' 为必填项：报表分组所依据的评价指标体系。");
    public static readonly Text ScoresRequiredCriterionScore = new(
        "'scores' is required: each criterion's score.",
        "'scores' 为必填项：每项指标的得分。");
    public static readonly Text ScoreNamesCriterionGivesScore = new(
        "Each score names its criterion and gives its score.",
        "每个得分须注明指标并给出分值。");
    public static readonly Text VetoNamesVetoItem = new(
        "Each veto names its veto item.",
        "每个否决须注明否决项。");
    public static readonly Text LandAreaLandProjectTakesFrom0 = new(
        "'landArea' is the land the project takes in 亩, from 0 to 1,000,000 with at most two decimals.",
        "'landArea' 是项目用地面积（亩），0 至 1,000,000，最多两位小数。");
    public static readonly Text AmountRequiredYuanUnitsDealCurrency = new(
        "'amount' is required: yuan (or units of the deal's currency) actually invested.",
        "'amount' 为必填项：实际到位的金额（元，或项目币种的单位）。");
    public static readonly Text AmountMore0 = new(
        "'amount' is more than 0.",
        "'amount' 必须大于 0。");

    // Engagement
    public static readonly Text TypeRequiredCallMeetingVisitSiteVisit = new(
        "'type' is required: call, meeting, visit, siteVisit, reception or other.",
        "'type' 为必填项：call、meeting、visit、siteVisit、reception 或 other。");
    public static readonly Text TypeRequiredInitiativeIntentExpertAppointment = new(
        "'type' is required: initiative, intent or expertAppointment.",
        "'type' 为必填项：initiative、intent 或 expertAppointment。");
    public static readonly Text TypeRequiredPromotionForumOutboundTripExhibition = new(
        "'type' is required: promotion, forum, outboundTrip, exhibition, webinar or other.",
        "'type' 为必填项：promotion、forum、outboundTrip、exhibition、webinar 或 other。");
    public static readonly Text FieldRequiredYYYYMMDD = new(
        "'{field}' is required (YYYY-MM-DD).",
        "'{field}' 为必填项（YYYY-MM-DD）。");

    // Reference data
    public static readonly Text CountryRequiredISO31661Alpha = new(
        "'country' is required: an ISO 3166-1 alpha-2 code such as CN or US.",
        "'country' 为必填项：ISO 3166-1 两位字母代码，如 CN、US。");
    public static readonly Text IndustryCodeGBT4754CodeSection = new(
        "'industryCode' is a GB/T 4754 code: a section letter A to T, then two to four digits, e.g. C276.",
        "'industryCode' 应为 GB/T 4754 行业代码：门类字母 A 至 T，后接两到四位数字，如 C276。");
    public static readonly Text RegionCodeSixDigitGBT2260 = new(
        "'regionCode' is a six-digit GB/T 2260 code of a province, city or county, e.g. 330106.",
        "'regionCode' 应为 GB/T 2260 六位行政区划代码（省、市或区县），如 330106。");
    public static readonly Text CreditCodeNamesNoRegistrationAuthorityProvince = new(
        "'creditCode' names no registration authority of a province of China (characters 3 and 4).",
        "'creditCode' 的登记管理机关代码（第 3、4 位）不属于中国的任何省份。");
    public static readonly Text CreditCodeNotValidUnifiedSocialCredit = new(
        "'creditCode' is not a valid unified social credit code (18 characters, check character last).",
        "'creditCode' 不是有效的统一社会信用代码（18 位，末位为校验码）。");
    public static readonly Text NameHasNoLettersOrDigits = new(
        "'{field}' has no letters or digits.",
        "'{field}' 中没有文字或数字。");
    public static readonly Text CompanyClaimedByUnit = new(
        "Another unit holds a claim on this company's project (首报首谈): {unit}. Ask a manager to transfer the claim, or to let the deal through with claimOverride.",
        "该企业项目已由其他单位认领（首报首谈）：{unit}。请由管理人员统筹流转该认领，或以 claimOverride 说明理由后放行。");
    public static readonly Text UnitAlreadyHoldsClaim = new(
        "This unit already holds claim {id} on this company's project: renew it instead.",
        "本单位已认领该企业项目（认领 {id}）：请续期该认领。");
    public static readonly Text OnlyManagersOverrideClaims = new(
        "Only managers and admins may override another unit's claim.",
        "只有管理人员和系统管理员可以放行其他单位已认领的项目。");
    public static readonly Text OfficersClaimForOwnTeam = new(
        "Officers claim for a park or for their own team.",
        "招商人员只能为园区或本人所在专班认领项目。");
    public static readonly Text OnlyHolderKeepsClaim = new(
        "Only the claim's reporter, the team holding it, managers and admins may renew or release it.",
        "只有认领的登记人、持有该认领的专班、管理人员和系统管理员可以续期或放弃认领。");
    public static readonly Text ProjectBelowClaimThresholds = new(
        "The project reaches none of the office's thresholds for a claim (intended investment, foreign investment in USD, or sector): it cannot be claimed.",
        "该项目未达到本单位认领门槛（意向投资额、外资美元金额或所属产业）：不能认领。");
    public static readonly Text DispatchRuleNamedExists = new(
        "A dispatch rule named {name} already exists.",
        "名为 {name} 的分派规则已存在。");
    public static readonly Text OnlyTeamTakesQueuedLead = new(
        "The lead waits in another team's queue: its officers take it, or a manager assigns it.",
        "该线索在其他专班的待领队列中：请由该专班人员领取，或由管理人员分派。");
    public static readonly Text OnlyOwnerWorksLead = new(
        "Only the lead's officer, its team, managers and admins work on it; a lead in a pool is taken first.",
        "只有线索的跟进人员、所属专班、管理人员和系统管理员可以处理该线索；公海中的线索请先领取。");
    public static readonly Text OnlyOfficersTakeLeads = new(
        "Officers take leads from a pool; managers assign them.",
        "招商人员从公海领取线索；管理人员负责分派。");
    public static readonly Text FileHasNoHeader = new(
        "The file has no header row: its first row names the columns, as the template does.",
        "文件没有表头：第一行应为列名，与导入模板一致。");
    public static readonly Text NotAWorkbook = new(
        "The file is neither a CSV nor an Excel workbook (.xlsx) that can be read.",
        "文件既不是 CSV，也不是可读取的 Excel 工作簿（.xlsx）。");
    public static readonly Text UnpacksTooLarge = new(
        "The workbook unpacks to more than {limit} bytes, or at a ratio no spreadsheet has: it is refused unread.",
        "该工作簿解压后超过 {limit} 字节，或压缩比异常：未读取，已拒绝。");
    public static readonly Text WorkbookHasMacros = new(
        "The workbook holds macros (.xlsm): save it as an Excel workbook (.xlsx) without them.",
        "该工作簿含有宏（.xlsm）：请另存为不含宏的 Excel 工作簿（.xlsx）。");
    public static readonly Text WorkbookHasExternalLinks = new(
        "The workbook links to other workbooks: copy the values in (Paste Special, Values) and save it again.",
        "该工作簿链接了其他工作簿：请以“选择性粘贴—数值”粘贴后重新保存。");
    public static readonly Text TooManyRows = new(
        "The file has more than {max} rows: split it.",
        "文件超过 {max} 行：请拆分后分别导入。");
    public static readonly Text FileLargerThan = new(
        "The file is larger than {limit} bytes.",
        "文件超过 {limit} 字节。");
    public static readonly Text FileRequired = new(
        "The request's body is the file (CSV or XLSX); it is empty.",
        "请求体应为文件（CSV 或 XLSX），当前为空。");
    public static readonly Text EventIdsList = new(
        "eventIds is 1 to 50 event ids, comma-separated: the editions of a series.",
        "eventIds 为 1 至 50 个以逗号分隔的活动编号：同一系列的各届活动。");
    public static readonly Text RankingFigures = new(
        "figures is up to ten name:weight pairs, comma-separated, each a different figure of {figures} with a weight above 0 and at most 100.",
        "figures 为最多十组以逗号分隔的“名称:权重”，名称取自 {figures} 且互不相同，权重大于 0、不超过 100。");
    public static readonly Text RankingWithinTeam = new(
        "within is group (the board groups of the unit ranked, GET /board-groups) or team (only with by=owner: officers within their own team).",
        "within 为 group（按所排名单位的分组排名，见 GET /board-groups）或 team（仅用于 by=owner：在各自专班内对招商人员排名）。");
    public static readonly Text BoardGroupMembers = new(
        "memberIds lists 1 to {max} distinct ids of the group's parks, teams or officers.",
        "memberIds 列出该组 1 至 {max} 个互不相同的园区、专班或招商人员编号。");
    public static readonly Text BoardGroupUnitFixed = new(
        "A board group keeps its unit: add a group for another kind of unit.",
        "分组的单位类型不可更改，如需其他类型请另建分组。");
    public static readonly Text BoardGroupMemberTaken = new(
        "{id} is already in the group {group}: a unit is in one group of its kind.",
        "{id} 已在分组 {group} 中：每个单位只能属于同类分组中的一个。");
    public static readonly Text BoardGroupNameTaken = new(
        "A board group is already named {name}.",
        "已有名为 {name} 的分组。");
    public static readonly Text AttachmentFileMissing = new(
        "The file of attachment {id} is missing from the attachments directory, or no longer the file kept: restore it from a backup.",
        "附件 {id} 的文件在附件目录中缺失或已被改动，请从备份恢复。");
    public static readonly Text CountingRulesNameTaken = new(
        "A counting rule set is already named {name}.",
        "已有名为 {name} 的认定口径。");
    public static readonly Text NoCountingRules = new(
        "No counting rule set is enabled: enable one (PATCH /api/v1/counting-rules/{id}) or name one with countingRulesId.",
        "没有启用的认定口径：请启用一个（PATCH /api/v1/counting-rules/{id}），或以 countingRulesId 指定。");
    public static readonly Text MilestoneCodeTaken = new(
        "A milestone step already has the code {code}.",
        "已有代码为 {code} 的节点。");
    public static readonly Text MilestonePositionTaken = new(
        "Another milestone step is at position {position}: give each step its own place.",
        "位置 {position} 已有其他节点，每个节点的位置须不同。");
    public static readonly Text HealthRuleNameTaken = new(
        "A health rule is already named {name}.",
        "已有名为 {name} 的体检规则。");
    public static readonly Text OnlyUploaderReadsLedger = new(
        "Only the officer who uploaded a ledger, managers and admins may read its rows.",
        "只有上传台账的人员、管理人员和系统管理员可以读取其中的行。");
    public static readonly Text RowSameEntryAsRow = new(
        "Row {row} of this file is the same entry (the same deal, day and amount or counterparty).",
        "与本文件第 {row} 行为同一条记录（项目、日期及金额或签署方相同）。");
    public static readonly Text EntryNotOnDeal = new(
        "No entry {id} of deal {dealId} is on file: leave 编号 (id) empty for a new one.",
        "项目 {dealId} 没有编号为 {id} 的记录：新增记录请将“编号”留空。");
    public static readonly Text RowSameDealAsRow = new(
        "Row {row} of this file is the same deal (the same id or ledger number).",
        "与本文件第 {row} 行为同一项目（项目编号或台账编号相同）。");
    public static readonly Text ColumnNeedsUnit = new(
        "The column {column} does not say its unit: name it {zh}（元）, {zh}（万元） or {zh}（亿元）.",
        "列 {column} 未注明单位：请写作 {zh}（元）、{zh}（万元）或 {zh}（亿元）。");
    public static readonly Text FieldWholeNumber = new(
        "'{field}' is a whole number.",
        "'{field}' 应为整数。");
    public static readonly Text FieldAmountInUnit = new(
        "'{field}' is an amount: a number (thousands separators allowed), exact to the fen in the column's unit.",
        "'{field}' 应为金额：数字（可含千位分隔符），按该列单位精确到分。");
    public static readonly Text FieldYesOrNo = new(
        "'{field}' is 是 or 否 (true or false).",
        "'{field}' 应为“是”或“否”（true 或 false）。");
    public static readonly Text NoSuchNamed = new(
        "{column}: nothing on file is named {name}.",
        "{column}：没有名为 {name} 的记录。");
    public static readonly Text NamedSeveral = new(
        "{column}: several on file are named {name}; give the id instead ({ids}).",
        "{column}：有多条名为 {name} 的记录，请改填编号（{ids}）。");
    public static readonly Text CompanyRequiredInLedger = new(
        "The row names no company: give its id (企业编号), credit code (统一社会信用代码) or name (企业名称); import the companies first.",
        "该行未指明企业：请填写企业编号、统一社会信用代码或企业名称；请先导入企业。");
    public static readonly Text LedgerStageBehind = new(
        "Deal {id} is at {onFile} on file; the ledger says {ledger}: a deal moves back only through POST /deals/{id}/transitions, with a reason.",
        "项目 {id} 当前阶段为 {onFile}，台账为 {ledger}：项目回退阶段须通过 POST /deals/{id}/transitions 并说明原因。");
    public static readonly Text LedgerDateDiffers = new(
        "Deal {id} has {field} {onFile} on file; the ledger says {ledger}: dates in a deal's history are not rewritten by an import.",
        "项目 {id} 的 {field} 为 {onFile}，台账为 {ledger}：导入不改写项目历史中的日期。");
    public static readonly Text LedgerStatusDiffers = new(
        "Deal {id} is {onFile} on file; the ledger says {ledger}: a deal's status changes through POST /deals/{id}/status.",
        "项目 {id} 的状态为 {onFile}，台账为 {ledger}：项目状态须通过 POST /deals/{id}/status 变更。");
    public static readonly Text LedgerDateNeedsStage = new(
        "'{field}' is given for a deal at {stage}: that date belongs to a later stage.",
        "'{field}' 适用于更后的阶段，而该项目阶段为 {stage}。");
    public static readonly Text ColumnsMissing = new(
        "The header lacks the column {column} (Chinese or English, as the template names it).",
        "表头缺少“{column}”列（中文或英文，与导入模板一致）。");
    public static readonly Text CellIsFormula = new(
        "Column {column} holds a formula: formulas are never evaluated, paste the values in.",
        "“{column}”列为公式：不计算公式，请粘贴为数值。");
    public static readonly Text RowRepeatsRow = new(
        "The same company as row {row} of this file.",
        "与本文件第 {row} 行为同一企业。");
    public static readonly Text ExternalRefTaken = new(
        "Deal {id} already has the ledger number {ref}: ledger numbers (externalRef) are unique among live deals.",
        "项目 {id} 已使用台账编号 {ref}：台账编号（externalRef）在未删除的项目中唯一。");
    public static readonly Text CompanySameNameOnFile = new(
        "A company of the same name is on file (company {id}): give its credit code to update it, or correct the name.",
        "已有同名企业（企业 {id}）：如需更新，请填写其统一社会信用代码；否则请更正名称。");
    public static readonly Text ActivityNotOnDeal = new(
        "There is no activity {id} on deal {dealId}: leave id empty for a new activity.",
        "项目 {dealId} 下没有编号为 {id} 的活动记录：新增的记录请将编号留空。");
    public static readonly Text ImportAlreadyCommitted = new(
        "Import {id} was committed on {at}: upload the file again for a new dry run.",
        "导入 {id} 已于 {at} 提交：如需再次导入，请重新上传文件试运行。");
    public static readonly Text RewardSchemeNamedExists = new(
        "A reward scheme named {name} already exists.",
        "名为 {name} 的奖励方案已存在。");
    public static readonly Text DealHasNoReferral = new(
        "Deal {id} has no referral.",
        "项目 {id} 没有引荐记录。");
    public static readonly Text DealHasReferrerAlready = new(
        "Deal {id} has its referrer already: a project has one referrer.",
        "项目 {id} 已有引荐人：一个项目只有一个引荐人。");
    public static readonly Text RatePermilleTwoDecimals = new(
        "'{field}' is a rate in ‰ from 0, with two decimals at most.",
        "'{field}' 是以‰计的比例，不小于 0，最多两位小数。");
    public static readonly Text CapNotNegative = new(
        "'{field}' is not below zero.",
        "'{field}' 不能小于零。");
    public static readonly Text CompanyMergedInto = new(
        "Company {id} was merged into company {survivorId} on {on}: use company {survivorId}.",
        "企业 {id} 已于 {on} 合并到企业 {survivorId}：请使用企业 {survivorId}。");
    public static readonly Text CompanyCannotMergeIntoItself = new(
        "A company cannot be merged into itself: 'survivorId' names another company.",
        "企业不能合并到自身：'survivorId' 须为另一家企业。");
    public static readonly Text MergeWouldMakeDealsReferThemselves = new(
        "After the merge, deals {ids} would be referred by their own company: correct their referrerCompanyId first.",
        "合并后，项目 {ids} 将由其自身企业引荐：请先更正其 referrerCompanyId。");
    public static readonly Text MergeWouldJoinClaims = new(
        "Different units hold claims on company {id} and company {survivorId}: transfer or release one claim before the merge.",
        "企业 {id} 和企业 {survivorId} 分别由不同单位认领：请先统筹流转或放弃其中一个认领，再合并。");
    public static readonly Text CompanyCreditCodesDiffer = new(
        "Company {id} has credit code {code} and company {survivorId} has {survivorCode}: two credit codes are two legal entities, not one entered twice.",
        "企业 {id} 的统一社会信用代码为 {code}，企业 {survivorId} 的为 {survivorCode}：两个信用代码是两个法人，不是同一企业录入了两次。");
    public static readonly Text CompanyCreditCodeCodeAlreadyExists = new(
        "A company with credit code {code} already exists.",
        "统一社会信用代码为 {code} 的企业已存在。");
    public static readonly Text ParkNamedNameAlreadyExists = new(
        "A park named '{name}' already exists.",
        "名为 '{name}' 的园区已存在。");
    public static readonly Text TeamNamedNameAlreadyExists = new(
        "A team named '{name}' already exists.",
        "名为 '{name}' 的小组已存在。");
    public static readonly Text SectorNameAlreadyExistsPlaceTree = new(
        "The sector '{name}' already exists at that place in the tree.",
        "产业 '{name}' 在该位置已存在。");
    public static readonly Text SectorTreeMostNLevelsDeep = new(
        "The sector tree is at most {n} levels deep.",
        "产业分类最多 {n} 级。");
    public static readonly Text SectorPlaceTreeCannotChangeCreate = new(
        "A sector's place in the tree cannot change: create the sector under its new parent instead.",
        "产业在分类树中的位置不能修改：请在新的上级下新建该产业。");
    public static readonly Text RoleRequiredAdminManagerOfficerAnalyst = new(
        "'role' is required: admin, manager, officer or analyst.",
        "'role' 为必填项：admin、manager、officer 或 analyst。");
    public static readonly Text CurrencyISO4217CodeCapitalsOther = new(
        "The currency is an ISO 4217 code in capitals other than CNY, e.g. USD.",
        "币种应为 CNY 以外的大写 ISO 4217 代码，如 USD。");
    public static readonly Text RateRequiredYuanPerOneUnit = new(
        "'rate' is required: yuan per one unit of the currency.",
        "'rate' 为必填项：每一单位外币折合的人民币元数。");
    public static readonly Text RateGreater0BelowMaxHas = new(
        "'rate' is greater than 0, below {max} and has at most {decimals} decimals.",
        "'rate' 应大于 0、小于 {max}，最多 {decimals} 位小数。");

    // Webhooks
    public static readonly Text UrlRequiredHttpsAddressEventsPOSTed = new(
        "'url' is required: the https address events are POSTed to.",
        "'url' 为必填项：接收事件推送（POST）的 https 地址。");
    public static readonly Text UrlAbsoluteHttpsURL = new(
        "'url' is an absolute https URL.",
        "'url' 应为完整的 https 地址。");
    public static readonly Text UrlHttpsURL = new(
        "'url' is an https URL.",
        "'url' 应为 https 地址。");
    public static readonly Text UrlMayNotCarryUserName = new(
        "'url' may not carry a user name or password; the signature authenticates the sender.",
        "'url' 不能包含用户名或密码；发送方由签名认证。");
    public static readonly Text UrlHasNoFragment = new(
        "'url' has no fragment.",
        "'url' 不能包含片段（#）。");
    public static readonly Text UrlMustUseHttpsPlainHttp = new(
        "'url' must use https; plain http is only for receivers named in Webhooks:AllowedNetworks.",
        "'url' 必须使用 https；明文 http 仅限 Webhooks:AllowedNetworks 中列出的接收方。");
    public static readonly Text HostHostDoesNotResolve = new(
        "The host {host} does not resolve.",
        "主机 {host} 无法解析。");
    public static readonly Text HostHostResolvesAddressLoopbackPrivate = new(
        "The host {host} resolves to {address}, a loopback, private, link-local, multicast or reserved address; an operator can allow an internal receiver in Webhooks:AllowedNetworks.",
        "主机 {host} 解析为 {address}，属于回环、私有、链路本地、组播或保留地址；运维人员可在 Webhooks:AllowedNetworks 中放行内部接收方。");
    public static readonly Text EventsListsLeastOneValues = new(
        "'events' lists at least one of: {values}.",
        "'events' 至少列出以下之一：{values}。");
    public static readonly Text ValueNotEventEventsValues = new(
        "'{value}' is not an event; the events are {values}.",
        "'{value}' 不是事件；可选事件为 {values}。");
    public static readonly Text EventsNamesEventOnce = new(
        "'events' names each event once.",
        "'events' 中每个事件只能出现一次。");

    /// <summary>Every text the service can answer with: these and the domain's.</summary>
    public static IReadOnlyList<Text> All { get; } =
        [.. new[] { typeof(ProblemTexts), typeof(RuleTexts) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Text))
            .Select(f => (Text)f.GetValue(null)!)];

    /// <summary>The title of a problem the framework answers by status alone (an unknown route, a method not allowed, a request too large).</summary>
    public static Text? TitleOf(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        410 => Gone,
        412 => PreconditionFailed,
        413 => RequestBodyTooLarge,
        414 => URITooLong,
        415 => UnsupportedMediaType,
        429 => TooManyRequests,
        431 => RequestHeaderFieldsTooLarge,
        499 => ClientClosedRequest,
        500 => UnexpectedErrorOccurred,
        503 => ServiceUnavailable,
        _ => null,
    };
}
