using System.Text.RegularExpressions;
using DealPipeline.Api.Http;
using DealPipeline.Domain;

namespace DealPipeline.Api.Tests;

/// <summary>
/// Problems speak the caller's language: Chinese when Accept-Language prefers zh, English
/// otherwise, and say which in Content-Language; so do report labels. (That every message the
/// suite meets has its Chinese is checked on every answer by ContractCheck.)
/// </summary>
public sealed partial class ProblemLanguageTests : ApiTest
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public void Every_text_has_its_own_key_and_english_is_chinese_and_carries_the_values_its_english_has()
    {
        var texts = ProblemTexts.All.Where(t => t != ProblemTexts.Untranslated).ToList();
        Assert.True(texts.Count > 200);
        Assert.Equal(texts.Count, texts.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(texts.Count, texts.Select(t => t.English).Distinct(StringComparer.Ordinal).Count());
        Assert.All(texts, text =>
        {
            Assert.Matches(Han(), text.Chinese);
            var english = Placeholders().Matches(text.English).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            Assert.Subset(english, Placeholders().Matches(text.Chinese).Select(m => m.Value).ToHashSet(StringComparer.Ordinal));
        });

        Assert.Equal("FieldRequired", ProblemTexts.FieldRequired.Key);
        Assert.Equal(("'name' is required.", "'name' 为必填项。"), Both(ProblemTexts.FieldRequired.With(("field", "name"))));
        Assert.Equal("项目已处于 contact 阶段。", RuleTexts.DealAlreadyAtStage.With(("stage", "contact")).Chinese);
        Assert.Equal(
            ("'' is not an ISO 8601 timestamp such as 2026-01-31T08:00:00Z.", "'' 不是ISO 8601 时间戳（如 2026-01-31T08:00:00Z）。"),
            Both(ProblemTexts.ValueNotKind.With(("value", ""), ("kind", ProblemTexts.Iso8601Timestamp.With(("example", "2026-01-31T08:00:00Z"))))));
        Assert.Equal(("'limit' must be a whole number.", "'limit' 必须是整数。"), Both(ProblemTexts.FieldMustKind.With(("field", "limit"), ("kind", ProblemTexts.WholeNumber))));

        // A place holder given no value stays as it is; a value is written the same in both languages.
        Assert.Equal("状态请通过 POST /api/v1/deals/{id}/status 变更。", ProblemTexts.StatusChangesThroughPOSTApiV1.With().Chinese);
        Assert.Equal("'amount' 应为 0 到 1000.5 之间、最多两位小数的金额。", ProblemTexts.FieldAmountFrom0MaxMost.With(("field", "amount"), ("max", 1000.5m)).Chinese);
    }

    private static (string English, string Chinese) Both(Message message) => (message.English, message.Chinese);

    [Fact]
    public async Task A_caller_preferring_chinese_gets_titles_details_and_field_messages_in_chinese()
    {
        var w = await CreateWorld();
        var deal = Id(await Deal(w));
        using var anonymous = Factory.ClientWithKey(null);
        var zh = new Dictionary<string, string> { ["Accept-Language"] = "en;q=0.4, zh-CN;q=0.9" };

        var invalid = await Send(HttpMethod.Post, "/api/v1/deals", new { }, headers: zh);
        var body = await Problem(invalid, HttpStatusCode.BadRequest, "zh-CN");
        Assert.Equal("请求有一处或多处不符合要求。", body["title"]!.GetValue<string>());
        Assert.Equal("'name' 为必填项。", body["errors"]!["name"]![0]!.GetValue<string>());
        Assert.Equal("'companyId' 为必填项。", body["errors"]!["companyId"]![0]!.GetValue<string>());

        var missing = await Problem(await Send(HttpMethod.Get, "/api/v1/deals/424242", headers: zh), HttpStatusCode.NotFound, "zh-CN");
        Assert.Equal("不存在 deal 424242。", missing["detail"]!.GetValue<string>());

        var same = await Problem(await Send(HttpMethod.Post, $"/api/v1/deals/{deal}/transitions", new { to = "contact" }, headers: zh), HttpStatusCode.Conflict, "zh-CN");
        Assert.Equal(("冲突", "项目已处于 contact 阶段。", "stage.same"), (same["title"]!.GetValue<string>(), same["detail"]!.GetValue<string>(), same["code"]!.GetValue<string>()));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/deals");
        request.Headers.Add("Accept-Language", "zh");
        var unauthorized = await Problem(await anonymous.SendAsync(request), HttpStatusCode.Unauthorized, "zh-CN");
        Assert.Equal("请在 X-Api-Key 中或以 Authorization: Bearer <key> 发送 API 密钥。", unauthorized["detail"]!.GetValue<string>());

        var unknown = await Problem(await Send(HttpMethod.Get, "/api/v1/parks?bogus=1", headers: zh), HttpStatusCode.BadRequest, "zh-CN");
        Assert.StartsWith("未知的查询参数 'bogus'；此接口接受：cursor, limit", unknown["errors"]!["bogus"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_chinese_preference_problems_are_english_and_reports_say_their_language()
    {
        var english = await Problem(await Post("/api/v1/deals", new { }), HttpStatusCode.BadRequest, "en");
        Assert.Equal("'name' is required.", english["errors"]!["name"]![0]!.GetValue<string>());
        var preferred = await Problem(
            await Send(HttpMethod.Post, "/api/v1/deals", new { }, headers: new Dictionary<string, string> { ["Accept-Language"] = "zh;q=0.2, en" }),
            HttpStatusCode.BadRequest,
            "en");
        Assert.Equal("One or more validation errors occurred.", preferred["title"]!.GetValue<string>());

        var report = await Client.GetAsync("/api/v1/reports/pipeline?groupBy=stage");
        Assert.Equal(["zh-CN"], report.Content.Headers.ContentLanguage);
        var inEnglish = await Send(HttpMethod.Get, "/api/v1/reports/pipeline?groupBy=stage", headers: new Dictionary<string, string> { ["Accept-Language"] = "en" });
        Assert.Equal(["en"], inEnglish.Content.Headers.ContentLanguage);
        Assert.Equal("Contact", JsonNode.Parse(await inEnglish.Content.ReadAsStringAsync())!["rows"]![0]!["label"]!.GetValue<string>());
    }

    private static async Task<JsonNode> Problem(HttpResponseMessage answer, HttpStatusCode status, string language)
    {
        Assert.Equal(status, answer.StatusCode);
        Assert.Equal([language], answer.Content.Headers.ContentLanguage);
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"\{\w+}")]
    private static partial Regex Placeholders();
}
