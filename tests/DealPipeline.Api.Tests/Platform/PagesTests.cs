using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace DealPipeline.Api.Tests;

/// <summary>A test that needs a browser: skipped where Debian's chromium is missing, unless DEALPIPELINE_REQUIRE_BROWSER is set (as .ci/run does, after installing it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("DEALPIPELINE_REQUIRE_BROWSER") is not "1")
        {
            Skip = "chromium is not installed (apt-get install chromium); .ci/run installs it.";
        }
    }
}

/// <summary>The real service with its demo data and demo keys, and headless Chromium, shared by the page tests.</summary>
public sealed class PagesFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new("pages");
    private IPlaywright? _playwright;

    public ServiceProcess Service { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium))
        {
            return;
        }

        Service = await ServiceProcess.StartAsync(_folder.File("pages.db"), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Demo:Seed"] = "true",
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
            Service.Dispose();
        }

        _folder.Dispose();
    }
}

/// <summary>
/// The sign-in page, the cockpit and the pipeline board in a real browser against the real service
/// with its demo data: what the pages show is what the API answers, moves go through the API with
/// If-Match, refusals are explained, analysts cannot move anything, and nothing is fetched from
/// another origin.
/// </summary>
public sealed class PagesTests(PagesFixture fixture) : IClassFixture<PagesFixture>
{
    private static readonly string Year = DateTime.UtcNow.AddHours(8).Year.ToString(CultureInfo.InvariantCulture);

    private Uri Origin => fixture.Service.Address;

    [BrowserFact]
    public async Task Each_demo_key_signs_in_showing_who_and_the_role_kept_in_session_storage_only_and_sign_out_clears_it()
    {
        foreach (var (key, name, role) in new[]
        {
            ("dp_demo_admin_key", "系统管理员", "管理员"), ("dp_demo_manager_key", "马建国", "管理者"),
            ("dp_demo_officer_key", "王磊", "招商专员"), ("dp_demo_analyst_key", "BI 数据接口", "分析"),
        })
        {
            var (context, page) = await SignedIn(key);
            await using (context)
            {
                Assert.Equal($"已登录：{name}（{role}）", await page.Locator("#who").TextContentAsync());
                Assert.Equal(key, await page.EvaluateAsync<string>("sessionStorage.getItem('dealpipeline.key')"));
                Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
                await page.ClickAsync("#sign-out");
                Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('dealpipeline.key')"));
                Assert.True(await page.Locator("#sign-in").IsVisibleAsync());
            }
        }

        var (wrong, wrongPage) = await Open("/");
        await using (wrong)
        {
            await wrongPage.FillAsync("#key", "dp_not_a_key");
            await wrongPage.ClickAsync("#sign-in-button");
            await Assertions.Expect(wrongPage.Locator("#sign-in-error")).ToHaveTextAsync("密钥无效或已吊销。");
        }
    }

    [BrowserFact]
    public async Task The_cockpit_shows_the_apis_figures_for_the_same_filters_and_draws_its_charts()
    {
        var (context, page) = await SignedIn("dp_demo_manager_key");
        await using (context)
        {
            await page.GotoAsync(new Uri(Origin, "/cockpit/").ToString());
            await page.WaitForSelectorAsync("body[data-loaded]");
            using var api = Api("dp_demo_manager_key");
            var performance = await api.GetFromJsonAsync<JsonObject>($"/api/v1/reports/performance?year={Year}");
            var pipeline = (await api.GetFromJsonAsync<JsonObject>("/api/v1/reports/pipeline?groupBy=stage"))!["rows"]!.AsArray();
            var total = pipeline.Sum(r => r!["intendedInvestment"]!.GetValue<decimal>());
            Assert.Equal(total.ToString("0.00", CultureInfo.InvariantCulture), await page.GetAttributeAsync("#tile-pipeline", "data-value"));
            Assert.Equal((total / 100_000_000m).ToString("0.00", CultureInfo.InvariantCulture) + " 亿元", await page.Locator("#tile-pipeline .value").TextContentAsync());
            Assert.Equal(performance!["signed"]!["count"]!.ToString(), await page.GetAttributeAsync("#tile-signed", "data-value"));
            Assert.Equal(performance["landed"]!["count"]!.ToString(), await page.GetAttributeAsync("#tile-landed", "data-value"));
            Assert.Equal(performance["inNegotiation"]!["count"]!.ToString(), await page.GetAttributeAsync("#tile-negotiating", "data-value"));
            Assert.Equal(performance["letters"]!["total"]!.ToString(), await page.GetAttributeAsync("#tile-letters", "data-value"));
            Assert.Equal(pipeline.Count, await page.Locator("#funnel tbody tr").CountAsync());
            var months = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/reports/performance/series?year={Year}&interval=month"))!["rows"]!.AsArray();
            var signedByMonth = await page.Locator("#trend tbody tr td:nth-child(2)").AllTextContentsAsync();
            Assert.Equal(months.Take(signedByMonth.Count).Select(m => m!["signedCount"]!.ToString()), signedByMonth);
            // The parks' board is the rankings report's; the signed tile's colour follows its pace against 序时进度.
            var board = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/reports/rankings?by=park&year={Year}"))!["items"]!.AsArray();
            Assert.Equal(board.Select(i => i!["name"]!.GetValue<string>()), await page.Locator("#ranking tbody tr td:nth-child(2)").AllTextContentsAsync());
            Assert.Equal(board.Select(i => i!["score"]!.GetValue<decimal>().ToString("0.00", CultureInfo.InvariantCulture)), await page.Locator("#ranking tbody tr td:nth-child(3)").AllTextContentsAsync());
            var pace = performance["targets"]?["signedCount"]?["pace"]?.GetValue<decimal>();
            Assert.Equal(pace switch { null => null, >= 1m => "green", >= 0.8m => "amber", _ => "red" }, await page.GetAttributeAsync("#tile-signed", "data-rag"));
            var canvas = await page.Locator("#chart-funnel canvas").BoundingBoxAsync();
            Assert.True(canvas is { Width: > 100, Height: > 100 }, "ECharts drew the funnel on a visible canvas");
            await Screenshot(page, "cockpit.png");

            // One park: the tiles follow the filter.
            await page.SelectOptionAsync("#park", "2");
            await page.ClickAsync("#refresh");
            var parkPerformance = await api.GetFromJsonAsync<JsonObject>($"/api/v1/reports/performance?year={Year}&parkId=2");
            await Assertions.Expect(page.Locator("#tile-signed")).ToHaveAttributeAsync("data-value", parkPerformance!["signed"]!["count"]!.ToString());
        }
    }

    [BrowserFact]
    public async Task Dragging_a_card_from_negotiation_to_letters_moves_the_deal_and_its_history_gains_the_entry()
    {
        using var api = Api("dp_demo_manager_key");
        var deal = await FirstDeal(api, "negotiation");
        var (context, page) = await SignedIn("dp_demo_manager_key");
        await using (context)
        {
            await page.GotoAsync(new Uri(Origin, "/board/").ToString());
            await page.WaitForSelectorAsync("body[data-loaded]");
            await Screenshot(page, "board.png");
            await page.DragAndDropAsync($"#deal-{deal}", "#column-letters");
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("→ 三书");
            await Assertions.Expect(page.Locator($"#column-letters #deal-{deal}")).ToBeVisibleAsync();
        }

        var history = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/deals/{deal}/history"))!["items"]!.AsArray();
        Assert.Equal("letters", history[^1]!["to"]!.GetValue<string>());
        Assert.Equal("negotiation", history[^1]!["from"]!.GetValue<string>());
    }

    [BrowserFact]
    public async Task A_stale_version_is_explained_in_chinese_and_the_card_is_read_again()
    {
        using var api = Api("dp_demo_manager_key");
        var deal = await FirstDeal(api, "contact");
        var (context, page) = await SignedIn("dp_demo_manager_key");
        await using (context)
        {
            await page.GotoAsync(new Uri(Origin, "/board/").ToString());
            await page.WaitForSelectorAsync("body[data-loaded]");

            // Someone else changes the deal after the board was read.
            using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/deals/{deal}") { Content = new StringContent("""{"expectedJobs":321}""", System.Text.Encoding.UTF8, "application/merge-patch+json") };
            Assert.Equal(System.Net.HttpStatusCode.OK, (await api.SendAsync(patch)).StatusCode);

            await page.DragAndDropAsync($"#deal-{deal}", "#column-negotiation");
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("这个项目刚被别人修改过");
            await Assertions.Expect(page.Locator($"#column-contact #deal-{deal}")).ToBeVisibleAsync();
        }

        var current = await api.GetFromJsonAsync<JsonObject>($"/api/v1/deals/{deal}");
        Assert.Equal("contact", current!["stage"]!.GetValue<string>());
    }

    [BrowserFact]
    public async Task An_analysts_board_is_read_only_and_the_pages_fetch_nothing_from_another_origin()
    {
        var (context, page) = await SignedIn("dp_demo_analyst_key");
        await using (context)
        {
            var requests = new List<string>();
            page.Request += (_, request) => requests.Add(request.Url);
            await page.GotoAsync(new Uri(Origin, "/board/").ToString());
            await page.WaitForSelectorAsync("body[data-loaded]");
            var cards = page.Locator(".card");
            Assert.True(await cards.CountAsync() > 50, "the analyst sees the pipeline");
            Assert.Equal(0, await page.Locator(".card[draggable='true']").CountAsync());
            Assert.Equal(0, await page.Locator(".card .actions").CountAsync());
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("只读");

            await page.GotoAsync(new Uri(Origin, "/cockpit/").ToString());
            await page.WaitForSelectorAsync("body[data-loaded]");
            Assert.NotEmpty(requests);
            Assert.All(requests, url => Assert.StartsWith(Origin.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
            Assert.DoesNotContain(requests, url => url.Contains("dp_demo", StringComparison.Ordinal));
        }
    }

    [BrowserFact]
    public async Task The_import_page_plans_an_uploaded_ledger_lists_its_refusals_commits_it_with_a_progress_bar_and_downloads_the_refused_rows()
    {
        var (context, page) = await SignedIn("dp_demo_officer_key");
        await using (context)
        {
            await page.GotoAsync(new Uri(Origin, "/imports/").ToString());
            await page.WaitForSelectorAsync("body[data-loaded]");
            await page.SelectOptionAsync("#kind", "companies");
            var stamp = DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
            var csv = $"企业名称,统一社会信用代码,城市\r\n页面导入企业{stamp}有限公司,,杭州\r\n信用代码有误{stamp}有限公司,91330200ABCDEFGH12,宁波\r\n";
            await page.SetInputFilesAsync("#file", new FilePayload { Name = "台账.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
            await page.ClickAsync("#dry-run");
            await page.WaitForSelectorAsync("#result[data-status='dryRun']");
            await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("新建 1");
            await Assertions.Expect(page.Locator("#refused tbody tr[data-row='3']")).ToContainTextAsync("creditCode");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#refusals"));
            var path = await download.PathAsync();
            Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(path!)).Take(2).ToArray()); // a workbook

            await page.ClickAsync("#commit");
            await page.WaitForSelectorAsync("#result[data-status='committed']");
            Assert.Equal(await page.GetAttributeAsync("#progress", "max"), await page.EvaluateAsync<string>("String(document.getElementById('progress').value)"));
            await Assertions.Expect(page.Locator("#progress-text")).ToHaveTextAsync("2 / 2");
            using var api = Api("dp_demo_officer_key");
            var found = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/companies?q={Uri.EscapeDataString($"页面导入企业{stamp}")}"))!["items"]!.AsArray();
            Assert.Single(found);
        }
    }

    private async Task<(IBrowserContext Context, IPage Page)> Open(string path)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Origin, path).ToString());
        return (context, page);
    }

    private async Task<(IBrowserContext Context, IPage Page)> SignedIn(string key)
    {
        var (context, page) = await Open("/");
        await page.FillAsync("#key", key);
        await page.ClickAsync("#sign-in-button");
        await page.WaitForSelectorAsync("#signed-in:not([hidden])");
        return (context, page);
    }

    private HttpClient Api(string key) => fixture.Service.Client(key);

    private static async Task<long> FirstDeal(HttpClient api, string stage)
    {
        var deals = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/deals?stage={stage}&status=active&limit=50"))!["items"]!.AsArray();
        return deals.Select(d => d!["id"]!.GetValue<long>()).OrderBy(_ => Guid.NewGuid()).First();
    }

    /// <summary>With DEALPIPELINE_SCREENSHOTS=folder, the pages are photographed there (docs/ holds the ones the README shows).</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("DEALPIPELINE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = false });
        }
    }
}
