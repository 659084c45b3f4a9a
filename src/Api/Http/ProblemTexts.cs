using System.Text.RegularExpressions;

namespace DealPipeline.Api.Http;

/// <summary>
/// The Chinese of every title, detail and field message a problem answer carries. The service
/// writes its messages in English where they arise (validators, the domain, the HTTP edge);
/// <see cref="ProblemWriter"/> puts them into Chinese here when the caller prefers zh. An entry's
/// English may hold placeholders (<c>{name}</c>) that stand for a value, carried over as it is
/// (field names, codes, numbers and dates are the same in both languages) unless the value is
/// itself a phrase of the catalogue. Every problem answer the
/// functional tests receive is checked to be in this catalogue, so a new message without its
/// Chinese fails the suite.
/// </summary>
public static partial class ProblemTexts
{
    private static readonly (string English, string Chinese)[] Catalogue =
    [
        // Titles
        ("One or more validation errors occurred.", "请求有一处或多处不符合要求。"),
        ("Bad request", "请求有误"),
        ("Unauthorized", "未认证"),
        ("Forbidden", "无权操作"),
        ("Not found", "未找到"),
        ("Not Found", "未找到"),
        ("Method Not Allowed", "不支持该方法"),
        ("Conflict", "冲突"),
        ("Precondition failed", "前提条件不成立"),
        ("Request body too large", "请求体过大"),
        ("Payload Too Large", "请求体过大"),
        ("Request Header Fields Too Large", "请求头过大"),
        ("URI Too Long", "网址过长"),
        ("Unsupported media type", "不支持的媒体类型"),
        ("Unsupported Media Type", "不支持的媒体类型"),
        ("Content Too Large", "请求体过大"),
        ("Idempotency key conflict", "幂等键冲突"),
        ("Too many requests", "请求过于频繁"),
        ("Service unavailable", "服务暂不可用"),
        ("An unexpected error occurred.", "发生了意外错误。"),
        ("Client closed request", "客户端已关闭请求"),

        // Keys, roles, budgets, the service's state
        ("Send an API key in X-Api-Key or as Authorization: Bearer <key>.", "请在 X-Api-Key 中或以 Authorization: Bearer <key> 发送 API 密钥。"),
        ("The API key is unknown or revoked.", "API 密钥不存在或已吊销。"),
        ("Unknown or revoked API key.", "API 密钥不存在或已吊销。"),
        ("Your role may not do this.", "您的角色无权执行此操作。"),
        ("You may change only the deals you own or that belong to your team.", "您只能修改自己负责或本组负责的项目。"),
        ("You may manage only your own keys.", "您只能管理自己的密钥。"),
        ("An officer assigns deals only to themselves or a member of their team, within their team.", "招商专员只能把项目指派给自己或本组成员，并归属本组。"),
        ("The request budget of this key, or of this address for requests without a known key, is spent; retry after {seconds} s.", "此密钥（或无有效密钥时此地址）的请求额度已用完，请 {seconds} 秒后重试。"),
        ("The service is shutting down; nothing was applied. Retry in a moment.", "服务正在停止，本次请求未生效，请稍后重试。"),
        ("The database is busy or unreachable; nothing was applied. Retry in a moment.", "数据库繁忙或无法连接，本次请求未生效，请稍后重试。"),
        ("Something with the same unique name or code was created at the same time; nothing was applied. Read it, or choose another.", "同一时间已有同名或同代码的记录被创建，本次请求未生效。请读取该记录，或换一个名称。"),
        ("The service backs up only its embedded SQLite database; back up the database server with its own tools.", "服务只能备份内嵌的 SQLite 数据库；数据库服务器请用其自带工具备份。"),

        // Requests: bodies, queries, headers, paging
        ("The request body is not valid JSON: {reason}", "请求体不是有效的 JSON：{reason}"),
        ("The value at '{path}' is not valid: {reason}", "'{path}' 处的值无效：{reason}"),
        ("'{field}' must be {kind}.", "'{field}' 必须是{kind}。"),
        ("'{value}' is not {kind}.", "'{value}' 不是{kind}。"),
        ("a whole number", "整数"),
        ("a number", "数字"),
        ("true or false", "true 或 false"),
        ("a string", "字符串"),
        ("a date written YYYY-MM-DD", "YYYY-MM-DD 格式的日期"),
        ("an ISO 8601 timestamp such as {example}", "ISO 8601 时间戳（如 {example}）"),
        ("a JSON object", "JSON 对象"),
        ("one of: {values}", "以下之一：{values}"),
        ("Send the body as application/json.", "请以 application/json 发送请求体。"),
        ("Send the patch as {type} or application/json.", "请以 {type} 或 application/json 发送补丁。"),
        ("A merge patch is a JSON object of the fields to change.", "合并补丁（merge patch）是一个列出待改字段的 JSON 对象。"),
        ("The patch names fields that cannot be patched.", "补丁中含有不能修改的字段。"),
        ("The id is set by the server.", "id 由服务端设定。"),
        ("The id is assigned by the server.", "id 由服务端分配。"),
        ("Timestamps are set by the server.", "时间戳由服务端设定。"),
        ("Unknown field.", "未知字段。"),
        ("The status changes through POST /api/v1/deals/{id}/status.", "状态请通过 POST /api/v1/deals/{id}/status 变更。"),
        ("The lost reason is given with POST /api/v1/deals/{id}/status.", "流失原因请通过 POST /api/v1/deals/{id}/status 给出。"),
        ("The signing date is set by the transition to signed.", "签约日期由转入签约阶段时设定。"),
        ("The landing date is set by the transition to landed.", "落地日期由转入落地阶段时设定。"),
        ("Milestones are recorded through POST /api/v1/deals/{id}/milestones.", "里程碑请通过 POST /api/v1/deals/{id}/milestones 记录。"),
        ("The opening date is part of the deal's history and cannot be changed.", "立项日期属于项目历史，不能修改。"),
        ("The version is set by the server; send it as If-Match to guard a change.", "version 由服务端设定；请把它放在 If-Match 中以防止覆盖他人的修改。"),
        ("Unknown query parameter: {names}.", "未知的查询参数：{names}。"),
        ("Unknown query parameters: {names}.", "未知的查询参数：{names}。"),
        ("Unknown query parameter '{name}'; this endpoint takes: none.", "未知的查询参数 '{name}'；此接口不接受查询参数。"),
        ("Unknown query parameter '{name}'; this endpoint takes: {names}.", "未知的查询参数 '{name}'；此接口接受：{names}。"),
        ("The request needs a JSON body.", "此请求需要 JSON 请求体。"),
        ("Text may not contain control characters (other than tab and line breaks), unpaired surrogates, or invisible formatting characters such as U+202E or U+200B.", "文本不能包含控制字符（制表符和换行除外）、不成对的代理项，或 U+202E、U+200B 等不可见的格式字符。"),
        ("The stage changes through POST /api/v1/deals/{id}/transitions.", "阶段请通过 POST /api/v1/deals/{id}/transitions 变更。"),
        ("The request body is larger than {limit} bytes.", "请求体超过 {limit} 字节。"),
        ("If-Match is * or a list of entity tags as returned by GET, e.g. \"3\".", "If-Match 应为 *，或 GET 返回的实体标签列表，例如 \"3\"。"),
        ("If-Match does not match the current version (ETag \"{version}\"): read the resource again and reapply your change.", "If-Match 与当前版本（ETag \"{version}\"）不符：请重新读取资源后再修改。"),
        ("Idempotency-Key is at most {max} printable characters.", "Idempotency-Key 最多 {max} 个可打印字符。"),
        ("This Idempotency-Key was used with another request.", "该 Idempotency-Key 已用于另一个请求。"),
        ("Another request with this Idempotency-Key was applied meanwhile; read the resource before retrying.", "同一 Idempotency-Key 的另一个请求已先执行；请先读取资源再重试。"),
        ("This request was already applied (see Location); its answer held a secret (an API key or a webhook signing secret), which is shown only once and never stored. Revoke the key or rotate the secret if it was lost.", "该请求已执行（见 Location）；其应答含有只显示一次、从不保存的密钥（API 密钥或 webhook 签名密钥）。如已遗失，请吊销该密钥或轮换签名密钥。"),
        ("limit is between 1 and {max}.", "limit 取值为 1 到 {max}。"),
        ("The cursor is not one this API returned.", "该游标不是本接口返回的。"),
        ("The cursor is not one this API gave you for this query: start again without a cursor.", "该游标不是本接口为此查询发给您的：请不带游标重新开始。"),
        ("The cursor belongs to another sort order; start again without a cursor.", "该游标属于另一种排序：请不带游标重新开始。"),
        ("Give after or cursor, not both.", "after 与 cursor 只能给出一个。"),
        ("'after' is a sequence number, 0 or more.", "'after' 是序号，不小于 0。"),

        // Shared rules
        ("'{field}' is required.", "'{field}' 为必填项。"),
        ("'{field}' is a positive id.", "'{field}' 应为正整数 id。"),
        ("'{field}' is an amount from 0 to {max} with at most two decimals.", "'{field}' 应为 0 到 {max} 之间、最多两位小数的金额。"),
        ("'{field}': Dates are from {min} to {max}.", "'{field}'：日期范围为 {min} 至 {max}。"),
        ("'{field}' cannot be in the future (dates are China Standard Time).", "'{field}' 不能晚于今天（按北京时间）。"),
        ("'{field}' is a date written YYYY-MM-DD.", "'{field}' 应为 YYYY-MM-DD 格式的日期。"),
        ("'{field}' is one of: {values}.", "'{field}' 取值为：{values}。"),
        ("'{field}' is one or more (comma-separated) of: {values}.", "'{field}' 取值为以下一个或多个（逗号分隔）：{values}。"),
        ("'{field}' is one of {values}.", "'{field}' 取值为 {values}。"),
        ("'{field}' is between {min} and {max}.", "'{field}' 取值为 {min} 到 {max}。"),
        ("'{field}' is on or after '{other}'.", "'{field}' 不能早于 '{other}'。"),
        ("'updatedBefore' is later than updatedSince.", "'updatedBefore' 应晚于 updatedSince。"),
        ("There is no {what} {id}.", "不存在 {what} {id}。"),
        ("The length of '{field}' must be {max} characters or fewer. You entered {length} characters.", "'{field}' 最多 {max} 个字符，您输入了 {length} 个。"),
        ("'{field}' must be between {min} and {max}. You entered {value}.", "'{field}' 必须在 {min} 到 {max} 之间，您输入的是 {value}。"),

        // Reports and periods
        ("Give either year or from and to, not both.", "year 与 from/to 只能给出一种。"),
        ("Give from and to (YYYY-MM-DD), or year.", "请给出 from 和 to（YYYY-MM-DD），或给出 year。"),
        ("A period is at most {n} years.", "统计期间最长 {n} 年。"),
        ("At most {n} intervals: choose a longer interval or a shorter period.", "最多 {n} 个区间：请选择更长的区间或更短的期间。"),
        ("'groupBy' is one of stage, sector, park, owner, team, source, province, city, or two dimensions as sector,stage, park,stage, owner,stage, team,stage, source,stage, province,stage or city,stage.", "'groupBy' 取值为 stage、sector、park、owner、team、source、province、city，或两个维度：sector,stage、park,stage、owner,stage、team,stage、source,stage、province,stage、city,stage。"),
        ("'status' is active (default), onHold or any (active and on hold); lost deals are not in the pipeline.", "'status' 取值为 active（默认）、onHold 或 any（在谈与暂停）；已流失项目不计入项目库。"),
        ("'sort' is one of updatedAt, openedOn, intendedInvestment, name, id, each optionally prefixed with '-' for descending.", "'sort' 取值为 updatedAt、openedOn、intendedInvestment、name、id，前加 '-' 表示降序。"),
        ("'lang' is zh-CN (Chinese headers and labels) or en (English codes).", "'lang' 取值为 zh-CN（中文表头和名称）或 en（英文代码）。"),
        ("Targets are for the office, one park or one team, not a park and a team at once.", "目标针对全局、某个园区或某个小组，不能同时指定园区和小组。"),
        ("There is no rate for {currency}: set one with PUT /api/v1/fx-rates/{code} first.", "没有 {currency} 的汇率：请先用 PUT /api/v1/fx-rates/{code} 设置。"),
        ("There is no {currency} rate to convert deals with: set one with PUT /api/v1/fx-rates/{code}.", "没有 {currency} 汇率，无法折算项目金额：请用 PUT /api/v1/fx-rates/{code} 设置。"),

        // Deals
        ("'to' is required: contact, negotiation, letters, signed or landed.", "'to' 为必填项：contact、negotiation、letters、signed 或 landed。"),
        ("'status' is required: active, onHold or lost.", "'status' 为必填项：active、onHold 或 lost。"),
        ("'reason' is required for a lost deal: choseOtherLocation, funding, policyMismatch, strategyChange or other.", "标记项目流失时 'reason' 为必填项：choseOtherLocation、funding、policyMismatch、strategyChange 或 other。"),
        ("'reason' is the category of a lost deal; use 'note' to explain a hold or a reactivation.", "'reason' 只用于流失项目的原因分类；暂停或恢复的说明请写在 'note' 中。"),
        ("'kind' is required: constructionStarted or productionStarted.", "'kind' 为必填项：constructionStarted 或 productionStarted。"),
        ("An analyst cannot own deals.", "分析员不能负责项目。"),
        ("'ownerId' is required: the officer who owns the deal.", "'ownerId' 为必填项：负责该项目的招商专员。"),
        ("'currency' is an ISO 4217 code in capitals, e.g. CNY or USD.", "'currency' 应为大写的 ISO 4217 币种代码，如 CNY、USD。"),
        ("A contracted investment is recorded when the deal is signed or landed.", "合同投资额在项目签约或落地时填写。"),
        ("A referring company is given only for deals whose source is 'referral'.", "只有来源为 'referral'（以商招商）的项目才填写推荐企业。"),
        ("A source event is given only for deals whose source is 'event' or 'outboundTrip'.", "只有来源为 'event' 或 'outboundTrip' 的项目才填写来源活动。"),
        ("A company cannot refer itself.", "企业不能推荐自己。"),
        ("A deal needs a name.", "项目需要名称。"),
        ("A deal's name has at most {n} characters.", "项目名称最多 {n} 个字符。"),
        ("A code name has at most {n} characters.", "项目代号最多 {n} 个字符。"),
        ("A reason has at most {n} characters.", "原因最多 {n} 个字符。"),
        ("A note has at most {n} characters.", "说明最多 {n} 个字符。"),
        ("Amounts cannot be negative.", "金额不能为负数。"),
        ("Amounts are never negative.", "金额不能为负数。"),
        ("Amount is too large.", "金额过大。"),
        ("Expected jobs cannot be negative.", "预计就业人数不能为负数。"),
        ("The deal is already at stage {stage}.", "项目已处于 {stage} 阶段。"),
        ("Moving a deal back needs a reason.", "项目阶段回退需要说明原因。"),
        ("Only an active deal changes stage; this one is {status}. Reactivate it first.", "只有在谈项目才能变更阶段；该项目为 {status}，请先恢复。"),
        ("Only an active deal can be put on hold; this one is {status}.", "只有在谈项目才能暂停；该项目为 {status}。"),
        ("A change cannot be dated before the deal's previous change on {date}.", "变更日期不能早于该项目上一次变更的 {date}。"),
        ("The deal is already lost.", "项目已标记为流失。"),
        ("The deal is already active.", "项目已处于在谈状态。"),
        ("Unknown lost reason.", "未知的流失原因。"),
        ("Unknown stage.", "未知的阶段。"),
        ("Unknown milestone.", "未知的里程碑。"),
        ("Milestones are recorded only for landed deals.", "只有已落地项目才能记录里程碑。"),
        ("A link cannot be attached to itself as its parent.", "环节不能以自身作为上级环节。"),
        ("'parentId' is not a link of this chain.", "'parentId' 不是本产业链的环节。"),
        ("A link cannot be placed under one of its own sub-links.", "环节不能放在它自己的下级环节之下。"),
        ("Links nest at most {count} levels deep.", "环节最多嵌套 {count} 层。"),
        ("A chain named '{name}' already exists.", "名为 '{name}' 的产业链已存在。"),
        ("The chain already has a link named '{name}'.", "该产业链已有名为 '{name}' 的环节。"),
        ("The link has {links} sub-links, {companies} companies and {deals} deals attached: move or detach them first.", "该环节下有 {links} 个下级环节、{companies} 家企业和 {deals} 个项目，请先移走或解除挂接。"),
        ("'position' is required: upstream, midstream or downstream.", "'position' 为必填项：upstream（上游）、midstream（中游）或 downstream（下游）。"),
        ("'{field}' is a list of at most {count} positive ids.", "'{field}' 是最多 {count} 个正整数 id 的列表。"),
        ("'year' is from {first} to {last}.", "'year' 取值为 {first} 至 {last}。"),
        ("'holidays' is required: the year's public holidays (YYYY-MM-DD), an empty list for none.", "'holidays' 为必填项：该年的法定节假日（YYYY-MM-DD），没有则为空列表。"),
        ("'{field}' are days of the year in the path.", "'{field}' 中的日期须属于路径中的年份。"),
        ("'workdays' are the Saturdays and Sundays made working days (调休); Monday to Friday are working days already.", "'workdays' 是调休上班的周六、周日；周一至周五本来就是工作日。"),
        ("A day cannot be both a holiday and a working day.", "同一天不能既是节假日又是调休工作日。"),
        ("No calendar is loaded for {year}: load it with PUT /api/v1/calendar/{again}.", "尚未载入 {year} 年的日历：请用 PUT /api/v1/calendar/{again} 载入。"),
        ("'minIntendedInvestment' is required: the class of lead, intended investment in CNY of at least this (0 for every lead).", "'minIntendedInvestment' 为必填项：线索分类，即折合人民币的意向投资额不低于此数（0 表示所有线索）。"),
        ("'{field}.count' is required: a whole number of days.", "'{field}.count' 为必填项：天数（整数）。"),
        ("'{field}.count' is from 1 to {max}.", "'{field}.count' 取值为 1 至 {max}。"),
        ("'{field}.unit' is required: workingDays (on the office's calendar) or days.", "'{field}.unit' 为必填项：workingDays（按本单位日历的工作日）或 days（自然日）。"),
        ("A rule sets at least one deadline: answerWithin, assessWithin or reportEvery.", "规则至少要设定一项时限：answerWithin、assessWithin 或 reportEvery。"),
        ("The deadline rule '{name}' already has this name or this minIntendedInvestment: each lead falls in one class.", "时限规则 '{name}' 已使用这个名称或这个 minIntendedInvestment：每条线索只能属于一个分类。"),
        ("'criteria' lists 1 to {max} criteria.", "'criteria' 列出 1 至 {max} 项指标。"),
        ("Each criterion's weight is a whole number of points from 1 to 100.", "每项指标的权重为 1 至 100 的整数分值。"),
        ("The criteria's weights sum to {sum} points; they must sum to 100.", "各项指标的权重合计为 {sum} 分，必须合计为 100 分。"),
        ("'bands' give each band its minScore from 0 to 100, one of them 0, so that every total falls in a band.", "'bands' 为每个等级给出 0 至 100 的 minScore，其中一个为 0，使每个总分都落入某个等级。"),
        ("Bands have distinct minScores, and none is keyed '{key}' (the band of a vetoed deal).", "各等级的 minScore 互不相同，且不能以 '{key}'（一票否决项目的等级）为键。"),
        ("'vetoes' lists at most {max} items.", "'vetoes' 最多列出 {max} 项。"),
        ("Each item of '{field}' has a key of 1 to 40 characters, unique in the list.", "'{field}' 中每一项的键为 1 至 40 个字符，且在列表中唯一。"),
        ("Each item of '{field}' has a name of 1 to 200 characters.", "'{field}' 中每一项的名称为 1 至 200 个字符。"),
        ("'{key}' is not a criterion of this criteria set.", "'{key}' 不是该评价指标体系中的指标。"),
        ("Every criterion is scored: '{key}' is missing.", "每项指标都须打分：缺少 '{key}'。"),
        ("'{key}' is scored from 0 to its weight {weight}, with at most one decimal.", "'{key}' 的得分为 0 至其权重 {weight}，最多一位小数。"),
        ("'{key}' is not a veto item of this criteria set.", "'{key}' 不是该评价指标体系中的否决项。"),
        ("A veto needs its reason: '{key}' has none.", "一票否决须说明理由：'{key}' 没有理由。"),
        ("'{key}' is scored twice.", "'{key}' 被重复打分。"),
        ("'{key}' is given twice.", "'{key}' 被重复列出。"),
        ("'criteria' is required: each criterion's key, name and weight in points, summing to 100.", "'criteria' 为必填项：每项指标的键、名称和权重分值，合计 100 分。"),
        ("'bands' is required: each band's key, name and minScore, one of them 0.", "'bands' 为必填项：每个等级的键、名称和 minScore，其中一个为 0。"),
        ("A criteria set named '{name}' already exists.", "名为 '{name}' 的评价指标体系已存在。"),
        ("Criteria set {id} has no revision {revision}.", "评价指标体系 {id} 没有第 {revision} 版。"),
        ("'criteriaSetId' is required: the criteria set the deal is scored under.", "'criteriaSetId' 为必填项：项目打分所依据的评价指标体系。"),
        ("'criteriaSetId' is required: the criteria set whose bands the report groups by.", "'criteriaSetId' 为必填项：报表分组所依据的评价指标体系。"),
        ("'scores' is required: each criterion's score.", "'scores' 为必填项：每项指标的得分。"),
        ("Each score names its criterion and gives its score.", "每个得分须注明指标并给出分值。"),
        ("Each veto names its veto item.", "每个否决须注明否决项。"),
        ("'landArea' is the land the project takes in 亩, from 0 to 1,000,000 with at most two decimals.", "'landArea' 是项目用地面积（亩），0 至 1,000,000，最多两位小数。"),
        ("A deal's land area is from 0 to 1,000,000 亩.", "项目用地面积为 0 至 1,000,000 亩。"),
        ("A deal's fixed-asset investment is part of its intended investment and cannot exceed it.", "固定资产投资是意向投资的一部分，不能超过意向投资。"),
        ("'{field}' lists objects, not null.", "'{field}' 列出的应是对象，不能为 null。"),
        ("A criterion's guide has at most 1000 characters.", "指标说明最多 1000 个字符。"),
        ("The calendar has too few working days after {date} to count {count} of them.", "日历中 {date} 之后的工作日不足 {count} 个。"),
        ("Funds in place are recorded for signed or landed deals.", "只有已签约或已落地项目才能记录到位资金。"),
        ("'amount' is required: yuan (or units of the deal's currency) actually invested.", "'amount' 为必填项：实际到位的金额（元，或项目币种的单位）。"),
        ("'amount' is more than 0.", "'amount' 必须大于 0。"),
        ("Funds cannot be dated before the signing on {date}.", "到位资金日期不能早于签约日期 {date}。"),
        ("A milestone cannot be dated before the landing on {date}.", "里程碑日期不能早于落地日期 {date}。"),
        ("Construction start is already recorded on {date}.", "开工日期已记录为 {date}。"),
        ("Production start is already recorded on {date}.", "投产日期已记录为 {date}。"),
        ("Construction cannot start after production started.", "开工不能晚于投产。"),
        ("Production cannot start before construction started.", "投产不能早于开工。"),

        // Engagement
        ("'type' is required: call, meeting, visit, siteVisit, reception or other.", "'type' 为必填项：call、meeting、visit、siteVisit、reception 或 other。"),
        ("'type' is required: initiative, intent or expertAppointment.", "'type' 为必填项：initiative、intent 或 expertAppointment。"),
        ("'type' is required: promotion, forum, outboundTrip, exhibition, webinar or other.", "'type' 为必填项：promotion、forum、outboundTrip、exhibition、webinar 或 other。"),
        ("'{field}' is required (YYYY-MM-DD).", "'{field}' 为必填项（YYYY-MM-DD）。"),

        // Reference data
        ("'country' is required: an ISO 3166-1 alpha-2 code such as CN or US.", "'country' 为必填项：ISO 3166-1 两位字母代码，如 CN、US。"),
        ("'industryCode' is a GB/T 4754 code: a section letter A to T, then two to four digits, e.g. C276.", "'industryCode' 应为 GB/T 4754 行业代码：门类字母 A 至 T，后接两到四位数字，如 C276。"),
        ("'regionCode' is a six-digit GB/T 2260 code of a province, city or county, e.g. 330106.", "'regionCode' 应为 GB/T 2260 六位行政区划代码（省、市或区县），如 330106。"),
        ("'creditCode' names no registration authority of a province of China (characters 3 and 4).", "'creditCode' 的登记管理机关代码（第 3、4 位）不属于中国的任何省份。"),
        ("'creditCode' is not a valid unified social credit code (18 characters, check character last).", "'creditCode' 不是有效的统一社会信用代码（18 位，末位为校验码）。"),
        ("A company with credit code {code} already exists.", "统一社会信用代码为 {code} 的企业已存在。"),
        ("A park named '{name}' already exists.", "名为 '{name}' 的园区已存在。"),
        ("A team named '{name}' already exists.", "名为 '{name}' 的小组已存在。"),
        ("The sector '{name}' already exists at that place in the tree.", "产业 '{name}' 在该位置已存在。"),
        ("The sector tree is at most {n} levels deep.", "产业分类最多 {n} 级。"),
        ("A sector's place in the tree cannot change: create the sector under its new parent instead.", "产业在分类树中的位置不能修改：请在新的上级下新建该产业。"),
        ("'role' is required: admin, manager, officer or analyst.", "'role' 为必填项：admin、manager、officer 或 analyst。"),
        ("The currency is an ISO 4217 code in capitals other than CNY, e.g. USD.", "币种应为 CNY 以外的大写 ISO 4217 代码，如 USD。"),
        ("'rate' is required: yuan per one unit of the currency.", "'rate' 为必填项：每一单位外币折合的人民币元数。"),
        ("'rate' is greater than 0, below {max} and has at most {decimals} decimals.", "'rate' 应大于 0、小于 {max}，最多 {decimals} 位小数。"),

        // Webhooks
        ("'url' is required: the https address events are POSTed to.", "'url' 为必填项：接收事件推送（POST）的 https 地址。"),
        ("'url' is an absolute https URL.", "'url' 应为完整的 https 地址。"),
        ("'url' is an https URL.", "'url' 应为 https 地址。"),
        ("'url' may not carry a user name or password; the signature authenticates the sender.", "'url' 不能包含用户名或密码；发送方由签名认证。"),
        ("'url' has no fragment.", "'url' 不能包含片段（#）。"),
        ("'url' must use https; plain http is only for receivers named in Webhooks:AllowedNetworks.", "'url' 必须使用 https；明文 http 仅限 Webhooks:AllowedNetworks 中列出的接收方。"),
        ("The host {host} does not resolve.", "主机 {host} 无法解析。"),
        ("The host {host} resolves to {address}, a loopback, private, link-local, multicast or reserved address; an operator can allow an internal receiver in Webhooks:AllowedNetworks.", "主机 {host} 解析为 {address}，属于回环、私有、链路本地、组播或保留地址；运维人员可在 Webhooks:AllowedNetworks 中放行内部接收方。"),
        ("'events' lists at least one of: {values}.", "'events' 至少列出以下之一：{values}。"),
        ("'{value}' is not an event; the events are {values}.", "'{value}' 不是事件；可选事件为 {values}。"),
        ("'events' names each event once.", "'events' 中每个事件只能出现一次。"),
    ];

    /// <summary>Every entry: the English as the service writes it, and its Chinese.</summary>
    public static IReadOnlyList<(string English, string Chinese)> Entries => Catalogue;

    private static readonly Dictionary<string, string> Exact = Catalogue
        .Where(e => !e.English.Contains('{', StringComparison.Ordinal))
        .ToDictionary(e => e.English, e => e.Chinese, StringComparer.Ordinal);

    // The most specific first: the more literal text a template has, the earlier it is tried
    // ("There is no rate for {currency}: …" before "There is no {what} {id}.").
    private static readonly (Regex English, string Chinese)[] Templates = [.. Catalogue
        .Where(e => e.English.Contains('{', StringComparison.Ordinal))
        .OrderByDescending(e => Placeholder().Replace(e.English, "").Length)
        .Select(e => (new Regex(
            "^" + Placeholder().Replace(Regex.Escape(e.English).Replace(@"\{", "{", StringComparison.Ordinal), m => $"(?<{m.Groups[1].Value}>.*?)") + "$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1)), e.Chinese))];

    /// <summary>The Chinese of a message the service writes; null when the catalogue does not have it.</summary>
    public static string? Chinese(string? english)
    {
        if (english is null)
        {
            return null;
        }

        if (Exact.TryGetValue(english, out var exact))
        {
            return exact;
        }

        foreach (var (pattern, chinese) in Templates)
        {
            if (pattern.Match(english) is { Success: true } match)
            {
                // A value may itself be a phrase of the catalogue ("'x' must be {kind}." with kind "a whole number").
                return Placeholder().Replace(chinese, m => match.Groups[m.Groups[1].Value].Value is { } value ? Chinese(value) ?? value : "");
            }
        }

        return null;
    }

    [GeneratedRegex(@"\{(\w+)}")]
    private static partial Regex Placeholder();
}
