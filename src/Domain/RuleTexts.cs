namespace DealPipeline.Domain;

/// <summary>
/// What the domain's rules say when a change breaks them, in English and Chinese, each under its
/// field's name (the <see cref="Text.Key"/>). <see cref="DomainException"/> carries one with its values.
/// </summary>
public static class RuleTexts
{
    // Reports and periods
    public static readonly Text NoRateToConvert = new(
        "There is no {currency} rate to convert deals with: set one with PUT /api/v1/fx-rates/{code}.",
        "没有 {currency} 汇率，无法折算项目金额：请用 PUT /api/v1/fx-rates/{code} 设置。");

    // Deals
    public static readonly Text ContractedInvestmentRecordedWhenDealSigned = new(
        "A contracted investment is recorded when the deal is signed or landed.",
        "合同投资额在项目签约或落地时填写。");
    public static readonly Text ReferringCompanyGivenOnlyDealsWhose = new(
        "A referring company is given only for deals whose source is 'referral'.",
        "只有来源为 'referral'（以商招商）的项目才填写推荐企业。");
    public static readonly Text SourceEventGivenOnlyDealsWhose = new(
        "A source event is given only for deals whose source is 'event' or 'outboundTrip'.",
        "只有来源为 'event' 或 'outboundTrip' 的项目才填写来源活动。");
    public static readonly Text CompanyCannotReferItself = new(
        "A company cannot refer itself.",
        "企业不能推荐自己。");
    public static readonly Text DealNeedsName = new(
        "A deal needs a name.",
        "项目需要名称。");
    public static readonly Text DealNameHasMostNCharacters = new(
        "A deal's name has at most {n} characters.",
        "项目名称最多 {n} 个字符。");
    public static readonly Text CodeNameHasMostNCharacters = new(
        "A code name has at most {n} characters.",
        "项目代号最多 {n} 个字符。");
    public static readonly Text PriorDealNeedsKind = new(
        "priorDealId and priorKind go together: the earlier deal this one continues, and how (capitalIncrease, upgrade, resigning).",
        "priorDealId 与 priorKind 须同时填写：本项目延续的前一项目，以及延续方式（capitalIncrease 增资、upgrade 升级、resigning 再签约）。");
    public static readonly Text PriorDealIsSelf = new(
        "A deal cannot continue itself.",
        "项目不能延续其自身。");
    public static readonly Text HealthRuleKindUnknown = new(
        "kind is one of notStarted, noFunds, lowFunds, fundsBehindProgress.",
        "kind 取值为 notStarted（签约未开工）、noFunds（开工无资金到位）、lowFunds（资金到位不足）、fundsBehindProgress（资金与进度不匹配）。");
    public static readonly Text HealthPeriodRange = new(
        "period is {count, unit}: a count from 1 to {max} of days, workingDays or months.",
        "period 为 {count, unit}：1 至 {max} 的天数（days）、工作日（workingDays）或月数（months）。");
    public static readonly Text HealthPercentForFundsRules = new(
        "percentBelow (1 to 100) is given for the funds rules (lowFunds, fundsBehindProgress) and only for them.",
        "percentBelow（1 至 100）仅用于资金类规则（lowFunds、fundsBehindProgress），且必须填写。");
    public static readonly Text ExternalRefFormat = new(
        "A ledger number (externalRef) has 1 to {n} characters, no control characters and no spaces at either end.",
        "台账编号（externalRef）为 1 至 {n} 个字符，不含控制字符，首尾无空格。");
    public static readonly Text ReasonHasMostNCharacters = new(
        "A reason has at most {n} characters.",
        "原因最多 {n} 个字符。");
    public static readonly Text NoteHasMostNCharacters = new(
        "A note has at most {n} characters.",
        "说明最多 {n} 个字符。");
    public static readonly Text AmountsCannotNegative = new(
        "Amounts cannot be negative.",
        "金额不能为负数。");
    public static readonly Text AmountTooLarge = new(
        "Amount is too large.",
        "金额过大。");
    public static readonly Text ExpectedJobsCannotNegative = new(
        "Expected jobs cannot be negative.",
        "预计就业人数不能为负数。");
    public static readonly Text DealAlreadyAtStage = new(
        "The deal is already at stage {stage}.",
        "项目已处于 {stage} 阶段。");
    public static readonly Text MovingDealBackNeedsReason = new(
        "Moving a deal back needs a reason.",
        "项目阶段回退需要说明原因。");
    public static readonly Text OnlyActiveDealChangesStageOne = new(
        "Only an active deal changes stage; this one is {status}. Reactivate it first.",
        "只有在谈项目才能变更阶段；该项目为 {status}，请先恢复。");
    public static readonly Text OnlyActiveDealCanPutHold = new(
        "Only an active deal can be put on hold; this one is {status}.",
        "只有在谈项目才能暂停；该项目为 {status}。");
    public static readonly Text ChangeCannotDatedBeforeDealPrevious = new(
        "A change cannot be dated before the deal's previous change on {date}.",
        "变更日期不能早于该项目上一次变更的 {date}。");
    public static readonly Text DealAlreadyLost = new(
        "The deal is already lost.",
        "项目已标记为流失。");
    public static readonly Text DealAlreadyActive = new(
        "The deal is already active.",
        "项目已处于在谈状态。");
    public static readonly Text UnknownLostReason = new(
        "Unknown lost reason.",
        "未知的流失原因。");
    public static readonly Text UnknownStage = new(
        "Unknown stage.",
        "未知的阶段。");
    public static readonly Text UnknownMilestone = new(
        "Unknown milestone.",
        "未知的里程碑。");
    public static readonly Text MilestonesRecordedOnlyLandedDeals = new(
        "Milestones are recorded only for landed deals.",
        "只有已落地项目才能记录里程碑。");
    public static readonly Text LinkCannotAttachedItselfParent = new(
        "A link cannot be attached to itself as its parent.",
        "环节不能以自身作为上级环节。");
    public static readonly Text ParentIdNotLinkChain = new(
        "'parentId' is not a link of this chain.",
        "'parentId' 不是本产业链的环节。");
    public static readonly Text LinkCannotPlacedUnderOneOwn = new(
        "A link cannot be placed under one of its own sub-links.",
        "环节不能放在它自己的下级环节之下。");
    public static readonly Text LinksNestMostCountLevelsDeep = new(
        "Links nest at most {count} levels deep.",
        "环节最多嵌套 {count} 层。");
    public static readonly Text CriteriaLists1MaxCriteria = new(
        "'criteria' lists 1 to {max} criteria.",
        "'criteria' 列出 1 至 {max} 项指标。");
    public static readonly Text CriterionWeightWholeNumberPointsFrom = new(
        "Each criterion's weight is a whole number of points from 1 to 100.",
        "每项指标的权重为 1 至 100 的整数分值。");
    public static readonly Text CriteriaWeightsSumSumPointsThey = new(
        "The criteria's weights sum to {sum} points; they must sum to 100.",
        "各项指标的权重合计为 {sum} 分，必须合计为 100 分。");
    public static readonly Text BandsGiveBandMinScoreFrom0 = new(
        "'bands' give each band its minScore from 0 to 100, one of them 0, so that every total falls in a band.",
        "'bands' 为每个等级给出 0 至 100 的 minScore，其中一个为 0，使每个总分都落入某个等级。");
    public static readonly Text BandsHaveDistinctMinScoresNoneKeyed = new(
        "Bands have distinct minScores, and none is keyed '{key}' (the band of a vetoed deal).",
        "各等级的 minScore 互不相同，且不能以 '{key}'（一票否决项目的等级）为键。");
    public static readonly Text VetoesListsMostMaxItems = new(
        "'vetoes' lists at most {max} items.",
        "'vetoes' 最多列出 {max} 项。");
    public static readonly Text ItemFieldHasKey140 = new(
        "Each item of '{field}' has a key of 1 to 40 characters, unique in the list.",
        "'{field}' 中每一项的键为 1 至 40 个字符，且在列表中唯一。");
    public static readonly Text ItemFieldHasName1200 = new(
        "Each item of '{field}' has a name of 1 to 200 characters.",
        "'{field}' 中每一项的名称为 1 至 200 个字符。");
    public static readonly Text KeyNotCriterionCriteriaSet = new(
        "'{key}' is not a criterion of this criteria set.",
        "'{key}' 不是该评价指标体系中的指标。");
    public static readonly Text CriterionScoredKeyMissing = new(
        "Every criterion is scored: '{key}' is missing.",
        "每项指标都须打分：缺少 '{key}'。");
    public static readonly Text KeyScoredFrom0WeightWeight = new(
        "'{key}' is scored from 0 to its weight {weight}, with at most one decimal.",
        "'{key}' 的得分为 0 至其权重 {weight}，最多一位小数。");
    public static readonly Text KeyNotVetoItemCriteriaSet = new(
        "'{key}' is not a veto item of this criteria set.",
        "'{key}' 不是该评价指标体系中的否决项。");
    public static readonly Text VetoNeedsReasonKeyHasNone = new(
        "A veto needs its reason: '{key}' has none.",
        "一票否决须说明理由：'{key}' 没有理由。");
    public static readonly Text DealLandAreaFrom01 = new(
        "A deal's land area is from 0 to 1,000,000 亩.",
        "项目用地面积为 0 至 1,000,000 亩。");
    public static readonly Text DealFixedAssetInvestmentPartIntended = new(
        "A deal's fixed-asset investment is part of its intended investment and cannot exceed it.",
        "固定资产投资是意向投资的一部分，不能超过意向投资。");
    public static readonly Text FieldListsObjectsNotNull = new(
        "'{field}' lists objects, not null.",
        "'{field}' 列出的应是对象，不能为 null。");
    public static readonly Text CriterionGuideHasMost1000Characters = new(
        "A criterion's guide has at most 1000 characters.",
        "指标说明最多 1000 个字符。");
    public static readonly Text CalendarHasTooFewWorkingDays = new(
        "The calendar has too few working days after {date} to count {count} of them.",
        "日历中 {date} 之后的工作日不足 {count} 个。");
    public static readonly Text FundsPlaceRecordedSignedLandedDeals = new(
        "Funds in place are recorded for signed or landed deals.",
        "只有已签约或已落地项目才能记录到位资金。");
    public static readonly Text FundsCannotDatedBeforeSigningDate = new(
        "Funds cannot be dated before the signing on {date}.",
        "到位资金日期不能早于签约日期 {date}。");
    public static readonly Text MilestoneCannotDatedBeforeLandingDate = new(
        "A milestone cannot be dated before the landing on {date}.",
        "里程碑日期不能早于落地日期 {date}。");
    public static readonly Text ConstructionStartAlreadyRecordedDate = new(
        "Construction start is already recorded on {date}.",
        "开工日期已记录为 {date}。");
    public static readonly Text ProductionStartAlreadyRecordedDate = new(
        "Production start is already recorded on {date}.",
        "投产日期已记录为 {date}。");
    public static readonly Text ConstructionCannotStartAfterProductionStarted = new(
        "Construction cannot start after production started.",
        "开工不能晚于投产。");
    public static readonly Text ProductionNeedsConstructionStarted = new(
        "Production (投产) is recorded after construction start (开工): record constructionStarted first.",
        "投产须在开工之后登记：请先登记 constructionStarted（开工）。");
    public static readonly Text MilestoneCodeFormat = new(
        "code is 2 to 40 letters and digits, starting with a lower-case letter (landSupplied).",
        "code 为 2 至 40 位字母或数字，以小写字母开头（如 landSupplied）。");
    public static readonly Text MilestoneNameLength = new(
        "A milestone step's name has 1 to {n} characters.",
        "节点名称为 1 至 {n} 个字符。");
    public static readonly Text MilestonePositionRange = new(
        "position is a whole number from 1 to {max}: the step's place in the list, unique.",
        "position 为 1 至 {max} 的整数，即节点在列表中的位置，不可重复。");
    public static readonly Text MilestoneCodeFixed = new(
        "A step keeps its code ({code}): milestones and reports name it by that code. Add a step instead.",
        "节点代码（{code}）不可更改：已登记的节点和报表以此代码引用。如需新节点请另行添加。");
    public static readonly Text MilestoneBuiltInFixed = new(
        "{step} is built in: only its names may change, not its place, whether it is required or whether it is enabled.",
        "{step} 为内置节点：只能修改名称，不能修改位置、是否必经或是否启用。");
    public static readonly Text MilestoneListOrSteps = new(
        "Give a named list (list) or steps of your own (steps), not both.",
        "list（命名清单）与 steps（自选节点）只能二选一。");
    public static readonly Text MilestoneListUnknown = new(
        "There is no list named {list}; the office's lists are: {lists}.",
        "没有名为 {list} 的清单；本单位的清单有：{lists}。");
    public static readonly Text MilestoneStepNotListed = new(
        "step {step} is not one of the steps reported.",
        "step {step} 不在所报告的节点之中。");
    public static readonly Text MilestoneStepUnknown = new(
        "kind {kind} is no enabled milestone step of this office (GET /api/v1/milestone-steps).",
        "kind {kind} 不是本单位已启用的节点（见 GET /api/v1/milestone-steps）。");
    public static readonly Text MilestonesAfterSigning = new(
        "Milestones are recorded for signed deals: sign the deal first.",
        "节点在项目签约后登记：请先将项目推进到签约。");
    public static readonly Text MilestoneBeforeSigning = new(
        "A milestone cannot be dated before the deal's signing ({date}).",
        "节点日期不能早于项目签约日期（{date}）。");
    public static readonly Text MilestoneAlreadyRecorded = new(
        "{step} is already recorded, on {date}.",
        "{step} 已于 {date} 登记。");
    public static readonly Text MilestoneOutOfOrder = new(
        "{step} comes after {missing}, which is not recorded yet.",
        "{step} 应在 {missing} 之后，而 {missing} 尚未登记。");
    public static readonly Text MilestoneBeforePrevious = new(
        "A milestone cannot be dated before {step}, an earlier step, on {date}.",
        "节点日期不能早于前序节点 {step}（{date}）。");
    public static readonly Text MilestoneAfterNext = new(
        "A milestone cannot be dated after {step}, a later step, on {date}.",
        "节点日期不能晚于后续节点 {step}（{date}）。");
    public static readonly Text EvidenceFileName = new(
        "fileName is 1 to {n} characters, without a path, quotes or control characters: the name the file is downloaded under.",
        "fileName 为 1 至 {n} 个字符，不含路径、引号或控制字符，即下载时的文件名。");
    public static readonly Text EvidenceTypeUnknown = new(
        "An evidence file is a PDF, PNG or JPEG document (scan or print it to one): this content is none of them.",
        "佐证材料须为 PDF、PNG 或 JPEG 文件（请扫描或打印为其中一种），当前内容均不是。");
    public static readonly Text EvidenceTypeDiffers = new(
        "The file was sent as {declared} but its content is {actual}: send it with its own type.",
        "文件声明的类型为 {declared}，实际内容为 {actual}，请按实际类型上传。");
    public static readonly Text EvidenceExtension = new(
        "A {type} file's name ends with {extensions}.",
        "{type} 文件的名称应以 {extensions} 结尾。");
    public static readonly Text CountingNeedsContract = new(
        "requires lists what 引进成功 needs, contract among them: contract, registration, fundsInPlace, constructionStarted, ledger.",
        "requires 列出引进成功的条件，须包含 contract（签订合同）：contract、registration（工商税务登记）、fundsInPlace（固定资产投入）、constructionStarted（主体工程开工）、ledger（纳入月度台账）。");
    public static readonly Text CountingWindowRange = new(
        "windowMonths is a whole number of months from 1 to {max}: how long after signing a project may still meet its last requirement.",
        "windowMonths 为 1 至 {max} 的整月数：签约后须在此期限内满足全部条件。");
    public static readonly Text NeedKindUnknown = new(
        "kind is one of land (亩), energy (吨标准煤/年), environment (吨/年), water (吨/日), power (千伏安).",
        "kind 取值为 land（用地，亩）、energy（能耗，吨标准煤/年）、environment（环境容量，吨/年）、water（用水，吨/日）、power（用电容量，千伏安）。");
    public static readonly Text NeedDecisionUnknown = new(
        "decision is approved or refused.",
        "decision 取值为 approved（予以保障）或 refused（不予保障）。");
    public static readonly Text NeedDecidedBeforeRequest = new(
        "A need cannot be decided before it was asked for ({date}).",
        "审批日期不能早于申请日期（{date}）。");
    public static readonly Text NeedQuantityRange = new(
        "A quantity is more than 0 and at most {max}, with at most {decimals} decimals, in the kind's unit.",
        "数量须大于 0、不超过 {max}，最多 {decimals} 位小数，单位按类型确定。");
    public static readonly Text NeedAlreadyDecided = new(
        "This need is already decided: a decision is made once.",
        "该要素需求已审批，不能重复审批。");
    public static readonly Text NeedRefusedHasNoQuantity = new(
        "A refusal approves no quantity: leave approvedQuantity out.",
        "不予保障时不填写 approvedQuantity。");
    public static readonly Text NeedApprovedOverRequested = new(
        "approvedQuantity is at most what was asked ({requested}).",
        "approvedQuantity 不能超过申请数量（{requested}）。");
    public static readonly Text ProductionCannotStartBeforeConstructionStarted = new(
        "Production cannot start before construction started.",
        "投产不能早于开工。");

    // Claims (首报首谈)
    public static readonly Text ClaimHeldForOneParkOrTeam = new(
        "A claim is held for one park (parkId) or one team (teamId), not both and not neither.",
        "认领须归属一个园区（parkId）或一个专班（teamId），二者选一。");
    public static readonly Text ClaimNeedsItsBasis = new(
        "A claim rests on its basis: '{field}' is required (the first report's date and the evidence; the first talk's date when held).",
        "认领须有依据：'{field}' 为必填项（首报日期和佐证说明；已首谈的填首谈日期）。");
    public static readonly Text EvidenceHasMostNCharacters = new(
        "The evidence note has at most {n} characters.",
        "佐证说明最多 {n} 个字符。");
    public static readonly Text ClaimDateInFuture = new(
        "'{field}' cannot be in the future.",
        "'{field}' 不能晚于今天。");
    public static readonly Text FirstTalkBeforeFirstReport = new(
        "The first talk cannot be before the first report.",
        "首谈日期不能早于首报日期。");
    public static readonly Text ClaimAlreadyHeldByThatUnit = new(
        "The claim is already held by that unit.",
        "该认领已归属这个单位。");
    public static readonly Text ClaimWasReleased = new(
        "The claim was released: register a new one.",
        "该认领已放弃：请重新登记。");
    public static readonly Text ClaimExpired = new(
        "The claim expired on {on}: register a new one.",
        "该认领已于 {on} 到期：请重新登记。");

    // Leads (线索)
    public static readonly Text DispatchRuleBandEmpty = new(
        "'maxIntendedInvestment' is above 'minIntendedInvestment': the band holds no amount otherwise.",
        "'maxIntendedInvestment' 须大于 'minIntendedInvestment'，否则区间为空。");
    public static readonly Text DispatchRulePriorityRange = new(
        "'priority' is from 0 to {max}: the lowest number wins.",
        "'priority' 取 0 至 {max}，数字小者优先。");
    public static readonly Text LeadHasOfficer = new(
        "The lead has an officer already: a manager assigns it to another.",
        "该线索已有招商人员跟进：如需转交，请由管理人员分派。");
    public static readonly Text LeadAlreadyThere = new(
        "The lead is already with that officer and team.",
        "该线索已在该招商人员和专班名下。");
    public static readonly Text LeadConverted = new(
        "The lead was converted to a deal: work on the deal.",
        "该线索已转为项目：请在项目上继续跟进。");
    public static readonly Text LeadDropped = new(
        "The lead was dropped.",
        "该线索已作废。");

    // Referrers and rewards (引荐人)
    public static readonly Text RewardBandsCount = new(
        "A reward scheme has 1 to {max} bands.",
        "奖励方案须有 1 到 {max} 个分档。");
    public static readonly Text RewardBandsStartAtZero = new(
        "The first band starts at 0: every basis falls in a band.",
        "第一档须从 0 开始：任何基数都落在某一档内。");
    public static readonly Text RewardBandRateRange = new(
        "Band {n}'s rate is 0‰ to 100‰, with two decimals at most.",
        "第 {n} 档的比例须在 0‰ 到 100‰ 之间，最多两位小数。");
    public static readonly Text RewardBandsOnlyLastOpen = new(
        "Every band but the last has an end ('to'); the last has none.",
        "除最后一档外每档都须有上限（'to'）；最后一档不设上限。");
    public static readonly Text RewardBandEndsAfterStart = new(
        "Band {n} ends after it starts.",
        "第 {n} 档的上限须大于下限。");
    public static readonly Text RewardBandsLeaveGap = new(
        "Band {n} does not start where the band before it ends: the bands leave a gap.",
        "第 {n} 档的下限与上一档的上限不相接：分档之间有空档。");
    public static readonly Text RewardBandsOverlap = new(
        "Band {n} starts before the band before it ends: the bands overlap.",
        "第 {n} 档的下限小于上一档的上限：分档重叠。");
    public static readonly Text RewardCapNotNegative = new(
        "The cap is not below zero.",
        "奖励上限不能小于零。");
    public static readonly Text ReferrerRegisteredAfterDealOpened = new(
        "The referrer was registered on {registered}, after the deal was opened on {opened}: a referrer is registered before introducing a project.",
        "该引荐人于 {registered} 登记，晚于项目 {opened} 建档：引荐人须在引荐项目之前登记。");
    public static readonly Text ReferralConfirmedBetween = new(
        "A referral is confirmed on or after the referrer's registration ({registered}) and not in the future.",
        "引荐确认日期不能早于引荐人登记日期（{registered}），也不能晚于今天。");
}
