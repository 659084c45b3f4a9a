using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Exports;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Ledgers;

public sealed class LedgersModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ImportStore>();
        services.AddScoped<ILedger, CompanyLedger>();
        services.AddScoped<ILedger, ActivityLedger>();
        services.AddScoped<ILedger, DealLedger>();
        services.AddScoped<LedgerDeals>();
        services.AddScoped<ILedger, LetterLedger>();
        services.AddScoped<ILedger, FundsLedger>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("Imports");
        group.MapPost("/", async (string? kind, string? fileName, HttpRequest request, IMediator mediator, HttpResponse response, IOptions<ImportOptions> options, CancellationToken ct) =>
            {
                var ledger = KindOf(kind);
                if (fileName is { Length: > 400 })
                {
                    throw ProblemException.Invalid("fileName", ProblemTexts.FieldTooLong.With(("field", "fileName"), ("max", 400), ("length", fileName.Length)));
                }

                var content = await Http.RequestFiles.ReadAsync(request, options.Value.MaxBytes, ct);
                var planned = await mediator.Send(new ImportLedger(ledger, fileName, content), ct);
                var import = await mediator.Send(new GetImport(planned.Id), ct);
                return ETags.Created(response, $"/api/v1/imports/{import.Id}", import, import.Version);
            })
            .WithMetadata(new Http.BodyLimitedByEndpoint())
            .Accepts<byte[]>("text/csv", XlsxExport.ContentType, "application/octet-stream")
            .WithMetadata(new FileBody(
                "The ledger itself: a CSV (UTF-8 with or without a byte-order mark, or GB18030) or an XLSX workbook, its first row the column names.",
                new Dictionary<string, string>
                {
                    ["text/csv"] = "企业名称,统一社会信用代码,国家或地区,城市,行政区划代码\r\n杭州康源生物科技有限公司,91330106MA2B0A2X4R,CN,杭州,330106\r\n",
                    [XlsxExport.ContentType] = "(an .xlsx workbook: GET /imports/templates/companies.xlsx filled in)",
                }))
            .Describe("ImportLedger", Policies.WorkDeals, "Uploads an office's ledger (台账) as the body, an XLSX workbook or a CSV file, and answers its dry run: what each row would create, update or refuse, and why.")
            .WithProse("""
                kind=companies (upserted by creditCode), activities (on deals), deals (upserted by id or externalRef), letters (三书) or funds
                (funds in place, 到位资金). The body is the file itself (Content-Type text/csv, the XLSX type or
                application/octet-stream: the content decides which it is): a CSV in UTF-8 with or without a byte-order mark, or in GB18030 as Excel on Chinese Windows
                saves it; an XLSX's first sheet. Its first row names the columns in Chinese or English as the template does (GET
                /imports/templates/{kind}.xlsx; the activities export's own columns); other columns are ignored, a missing required one is
                a 400 (import.columns). Companies (企业名称 name, 统一社会信用代码 creditCode, 国家或地区 country (default CN), 城市 city,
                行政区划代码 regionCode) are checked as POST /companies checks a body and answered with the same texts: a credit code on
                file updates that company (unchanged when nothing differs), none creates one, unless a company of the same name is on file
                (import.sameName) or an earlier row is the same company (import.duplicateRow). Activities (编号 id, 项目编号 dealId, 类型
                type as its code or Chinese label, 日期 on as an Excel date or text such as 2026-03-02 or 2026年3月2日, 摘要 summary, 下一步
                nextStep, 下一步期限 nextStepDue) are checked as POST /deals/{id}/activities checks one, on a deal the caller may change
                (notFound, forbidden per row); a row whose id is an activity of that deal is unchanged (import.unknownId otherwise), so an
                export re-imports as it is. Deals (项目台账: 项目编号 id, 台账编号 externalRef, 项目名称 name, the company by 企业编号 companyId,
                统一社会信用代码 creditCode or 企业名称 companyName, 园区 parkName, 产业 sectorName, 负责人 ownerName and 专班 teamName by name or
                their 编号 columns by id, 阶段 stage, 状态 status, 流失原因 lostReason, 状态日期 statusOn, 重点项目 and 保密 as 是/否, amounts whose
                header says the unit: 意向投资（万元）, （元）, （亿元）, or （原币） as the CSV export writes it; 立项日期 openedOn, 签约日期 signedOn,
                落地日期 landedOn, 开工日期 and 投产日期) are checked as POST /deals checks a body: a row whose id or externalRef is a live deal
                updates it (an empty cell leaves a field as it is), moving it forward to the row's stage on the row's dates; another row creates
                a deal opened at contact on openedOn and moved through signed and landed on the row's dates, so that as-of reports count it on
                the ledger's days. An amount's column without its unit is a 400 (import.columns). Refused per row: a name on file for none or
                several (validation), a date of a stage the row has not reached (import.dateBeforeStage), a date of history that differs from
                the deal's (import.dateDiffers), a stage behind the deal's (import.stageBehind), another status (import.status), a second row of
                the same deal (import.duplicateRow), another deal's externalRef (deal.externalRefTaken), dates out of order (on.beforeLastChange). Letters
                (编号 id, 类型 type, 签署日期 signedOn, 签署方 counterparty, 项目编号 dealId or 台账编号 externalRef, 活动编号 eventId) and funds
                (编号 id, 项目编号 or 台账编号, 到位日期 on, 到位金额（万元） amount, 备注 note) are checked as POST /letters and POST
                /deals/{id}/funds check one; a row whose id is on file for that deal, or the same entry as one on file (the same deal, day
                and counterparty or amount), is unchanged, and a second row of the same entry in the file is refused (import.duplicateRow),
                so that a ledger imported twice records nothing twice. A cell Excel computed from a formula refuses its row (import.formula): formulas
                are never evaluated. Refused before anything is read (400 on file): a workbook with macros (import.macros) or external
                links (import.externalLinks), one that unpacks to more than Imports:MaxUnzippedBytes or at an abnormal ratio
                (import.zipBomb), more than Imports:MaxRows rows (import.tooManyRows), a file that is neither (import.format); over
                Imports:MaxBytes it is a 413. Nothing is written but the import: commit it with POST /imports/{id}/commit.
                """)
            .WithProblems(400, 413);
        group.MapRead(id => new GetImport(id))
            .Describe("GetImport", Policies.Read, "Reads an import: its file's format and hash, the dry run's counts and rows, or once committed what the commit did.")
            .WithProblems(404);
        group.MapPost("/{id:long}/commit", async (long id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
            {
                // Batch by batch, each its own command (its own transaction, audit and feed rows), until the last is written.
                var expected = ETags.ExpectedVersion(request);
                CommittedImport committed;
                do
                {
                    committed = await mediator.Send(new CommitImport(id, expected), ct);
                }
                while (committed.Import.Status == ImportStatus.Committing);
                var import = await mediator.Send(new GetImport(id), ct);
                return ETags.Ok(response, import, import.Version);
            })
            .Describe("CommitImport", Policies.WorkDeals, "Commits a dry run: plans its file again on the data as it is now and writes every row not refused, all in one transaction; each entity written is audited and in the change feed, tagged with the import's id (importId).")
            .WithProse("""
                The answer's rows say what the commit did (which may differ from the dry run if the data changed since). A file of up to
                Imports:BatchRows rows (1,000) is written in one transaction; a larger one batch by batch, each batch its own transaction
                with its rows' outcomes and the import's progress (status committing, rowsDone, counts so far: GET /imports/{id} reads them
                while the commit runs). A commit cut short (the client gone, the service stopped) leaves the import committing after its
                last whole batch: POST the commit again to resume; no row is written twice. A row the dry run refused as a second row of the
                same entry stays refused. A committed import is a 409 (import.committed): upload the file again for a new dry run. If-Match
                takes the dry run's ETag (it is not checked when resuming).
                """)
            .WithProblems(404, 409, 412);
        group.MapGet("/{id:long}/refusals.xlsx", async (long id, HttpContext http, ImportStore imports, ICurrentUser caller, IOptions<ImportOptions> options, CancellationToken ct) =>
            {
                var import = await imports.GetAsync(id, ct);
                if (caller.Role is not (Role.Admin or Role.Manager) && caller.UserId is not null && caller.UserId != import.ByUserId)
                {
                    // The file itself may name what the caller may not see (another team's confidential deal): its uploader, managers and admins read it.
                    throw new ProblemException(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden, ProblemTexts.OnlyUploaderReadsLedger);
                }

                var sheet = Sheets.Read(await imports.ContentAsync(id, ct), options.Value, options.Value.MaxRows);
                var refused = import.Rows.Where(r => r.Action == RowAction.Refused).ToDictionary(r => r.Row);
                IReadOnlyList<ExportColumn<SheetRow>> columns =
                [
                    new("row", "行号", CellKind.Integer, (r, _) => r.Number),
                    new("reason", "拒绝原因", CellKind.Text, (r, _) => string.Join("；", refused[r.Number].Errors?.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")) ?? [refused[r.Number].Code ?? ""])),
                    .. sheet.Headers.Select((header, i) => new ExportColumn<SheetRow>(header, header, CellKind.Text, (r, _) => i < r.Cells.Count ? r.Cells[i]?.Text : null)),
                ];
                http.Response.ContentType = XlsxExport.ContentType;
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"import-{id}-refusals.xlsx\"";
                await XlsxExport.WriteAsync(
                    http.Response.Body, columns, sheet.Rows.Where(r => refused.ContainsKey(r.Number)).ToAsyncEnumerable(), ("拒绝的行", "Refused rows"), new ExportContext(!Labels.PrefersEnglish(http.Request), new RateTable(new Dictionary<string, decimal>())), ct);
            })
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .Describe("GetImportRefusals", Policies.WorkDeals, "The refused rows of an import as a workbook to correct and upload again: each row as the file had it, after its row number and why it was refused (in the caller's language).")
            .WithProse("""
                The rows refused by the dry run, or once committed by the commit, with the file's own columns (values as the file held them, never as
                formulas), so that an officer corrects them in Excel and uploads the workbook again. Only its uploader, managers and admins may read it
                (403 otherwise): the file may name what the caller may not see.
                """)
            .WithProblems(403, 404);
        group.MapGet("/templates/{kind}.xlsx", async (string kind, IEnumerable<ILedger> ledgers, IOptions<ImportOptions> options, CancellationToken ct) =>
            {
                var ledger = ledgers.Single(l => l.Kind == KindOf(kind));
                var template = LedgerTemplate.Write(ledger, await ledger.ChoicesAsync(ct), options.Value.MaxRows);
                return Results.File(template, XlsxExport.ContentType, $"{Names.Of(ledger.Kind)}-template.xlsx");
            })
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .Describe("GetImportTemplate", Policies.Read, "The template of a ledger (kind companies, activities, deals, letters or funds): an XLSX whose header row names the columns an import reads, in Chinese, with drop-down lists of the values a column may take (stages, parks, sectors, owners, teams, 是/否) on its data rows.")
            .WithProblems(400);
    }

    private static ImportKind KindOf(string? kind) =>
        kind is not null && Names.TryParse<ImportKind>(kind, out var parsed) ? parsed
        : throw ProblemException.Invalid("kind", ProblemTexts.FieldOneValues.With(("field", "kind"), ("values", string.Join(", ", Enum.GetValues<ImportKind>().Select(Names.Of)))));
}
