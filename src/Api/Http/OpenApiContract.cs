using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DealPipeline.Api.Http;

/// <summary>
/// What the framework cannot infer from the handlers, declared on every operation the same way:
/// the headers the API reads and writes (If-Match, Idempotency-Key; ETag, Location, Retry-After),
/// the answers every such operation can give (412, 422, 415), and the formats, bounds and values
/// of the query parameters that recur across the API.
/// </summary>
public sealed class OpenApiContract : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (JsonSchemaType Type, string? Format, string Description)> Dates = new(StringComparer.Ordinal)
    {
        ["from"] = (JsonSchemaType.String, "date", "First day (YYYY-MM-DD, China Standard Time), inclusive."),
        ["to"] = (JsonSchemaType.String, "date", "Last day (YYYY-MM-DD, China Standard Time), inclusive."),
        ["asOf"] = (JsonSchemaType.String, "date", "The day whose end the report describes (YYYY-MM-DD, China Standard Time); default today."),
        ["updatedSince"] = (JsonSchemaType.String, "date-time", "Rows written at or after this instant (ISO 8601): since ≤ updatedAt < before."),
        ["updatedBefore"] = (JsonSchemaType.String, "date-time", "Rows written before this instant (ISO 8601), with updatedSince a half-open window."),
    };

    /// <summary>The query parameters that recur across lists, reports and exports, as each of them filters.</summary>
    private static readonly Dictionary<string, string> Filters = new(StringComparer.Ordinal)
    {
        ["stage"] = "Only deals at these stages: contact, negotiation, letters, signed, landed (comma-separated).",
        ["status"] = "Only these statuses, comma-separated: for deals active, onHold, lost (lists default to all; reports to active, with any for active and on hold); for webhook deliveries pending, succeeded, failed, cancelled.",
        ["source"] = "Only deals from these sources: event, referral, operator, chainTargeting, fund, outboundTrip, inbound, other (comma-separated).",
        ["parkId"] = "Only deals (or rows) of this park.",
        ["sectorId"] = "Only deals of this sector or any sector below it in the tree.",
        ["ownerId"] = "Only deals this officer owns.",
        ["withFunds"] = "true: each row and the total gain fundsInPlace, the CNY funds in place (到位资金) their deals received up to asOf.",
        ["band"] = "Only deals whose latest evaluation (POST /deals/{id}/scores) falls in these bands: band keys of their criteria set, comma-separated, or vetoed.",
        ["criteriaSetId"] = "The criteria set (evaluation index) whose bands the report groups by.",
        ["chainLinkId"] = "Only deals of this industry-chain link or a link below it: attached to it, or of a company attached to it (as the chain report counts them).",
        ["teamId"] = "Only deals (or claims, or leads) of this team.",
        ["companyId"] = "Only claims on this company (as entered: the same company under another spelling is found by GET /companies/duplicates).",
        ["state"] = "Only claims in this state: held, expired (held, but past expiresOn) or released.",
        ["sourceEventId"] = "Only deals that came from this promotion event.",
        ["rounding"] = "How rates are cut to their decimals for this request: round (half away from zero) or truncate; the office's Reports:RateRounding by default.",
        ["eventIds"] = "The editions of a series: event ids, comma-separated (1 to 50).",
        ["by"] = "What the board ranks: park, team or owner.",
        ["figures"] = "The board's figures and weights, name:weight comma-separated (see the operation's description).",
        ["method"] = "efficacy (功效系数法, default) or rank.",
        ["within"] = "team: officers ranked within their own team (with by=owner).",
        ["countingRulesId"] = "The counting rule set (GET /counting-rules) to count by; the office's first enabled one by default.",
        ["figure"] = "Which performance figure's deals: newDeals, signed, landed, lost, constructionStarted, productionStarted or fundsInPlace.",
        ["list"] = "A named stuck list of the office's configuration (Milestones:Lists): 三未 (签约未开工, 开工未投产, 投产未达产) or 六未 by default.",
        ["steps"] = "Milestone step codes of the caller's own list, comma-separated (GET /milestone-steps); not with list.",
        ["step"] = "Only the deals waiting at this step (a code of the steps reported).",
        ["minDays"] = "Only deals waiting at least this many days (0 to 36500).",
        ["note"] = "Free text kept with the attachment (up to 1000 characters).",
        ["ruleId"] = "Only the deals this health rule (GET /health-rules) flags.",
        ["externalRef"] = "Only the deal with this number in the office's own ledger (台账编号), matched exactly.",
        ["isKeyProject"] = "true: only key projects (重点项目); false: only the others.",
        ["name"] = "The company name to compare (GET /companies/duplicates): any width, spacing, brackets and legal form.",
        ["q"] = "Text to look for, case-insensitive: part of a name (a deal's name or code name; a company's name or credit code).",
        ["includeDeleted"] = "true: deleted deals are listed too, as tombstones {id, deleted, updatedAt} (for incremental pulls with updatedSince).",
        ["sort"] = "updatedAt, openedOn, intendedInvestment, name or id (default), each with a '-' prefix for descending.",
        ["type"] = "Only these types, comma-separated (letters: initiative, intent, expertAppointment; events: promotion, forum, outboundTrip, exhibition, webinar, other).",
        ["dealId"] = "Only rows about this deal.",
        ["eventId"] = "Only letters signed at this promotion event.",
        ["year"] = "A calendar year (China Standard Time) as the period, instead of from and to.",
        ["days"] = "Days without a stage change, status change or activity (default 30).",
        ["after"] = "The lastSequence of the previous page: the changes committed after it, in commit order (0 from the start).",
        ["entity"] = "The kind of entity written: deal, park, sector, team, user, company, letter, event, activity, fxRate, targets, webhook, apiKey.",
        ["id"] = "The id of the entity written (with entity).",
        ["importId"] = "Only the writes of this ledger import's commit (POST /imports/{id}/commit).",
        ["plannedWithinYears"] = "How many years after the event's start a deal's plannedLandingOn may fall to count as planned to land (default 2).",
        ["groupBy"] = "The grouping of the rows; two dimensions (e.g. park,stage) give one row per group and stage.",
        ["interval"] = "The length of each row of the series (default month).",
        ["kind"] = "Imports: what the ledger holds (companies, activities, deals, letters, funds). Attachments: what the evidence file is (bankReceipt, capitalVerification, fxCertificate, contract, registration, other).",
        ["fileName"] = "The file's name as the office knows it: kept with an import (at most 400 characters); an attachment's download name (required, 1 to 200 characters, with its type's extension).",
        ["lang"] = "zh-CN: Chinese headers and labels; en: English codes. Without it, Accept-Language decides (Chinese if it prefers zh).",
    };

    private static readonly Dictionary<string, string> Resources = new(StringComparer.Ordinal)
    {
        ["deals"] = "deal", ["parks"] = "park", ["sectors"] = "sector", ["teams"] = "team", ["users"] = "user", ["companies"] = "company",
        ["letters"] = "letter", ["events"] = "event", ["webhooks"] = "webhook", ["keys"] = "key", ["deliveries"] = "delivery",
        ["chains"] = "chain", ["links"] = "chain link",
    };

    /// <summary>A path parameter, named after the resource it identifies: /parks/{id} is "The park's id".</summary>
    private static string PathParameter(string path, string name)
    {
        switch (name)
        {
            case "currency":
                return "An ISO 4217 currency code in capitals other than CNY, e.g. USD.";
            case "year":
                return "The calendar year (China Standard Time), 2000 to 2100.";
        }

        var segments = path.Split('/');
        var at = Array.FindIndex(segments, s => s.StartsWith("{" + name, StringComparison.Ordinal));
        var resource = at > 0 && Resources.TryGetValue(segments[at - 1], out var singular) ? singular : name.Replace("Id", "", StringComparison.Ordinal);
        return $"The {resource}'s id.";
    }

    private static readonly Dictionary<string, string[]> Values = new(StringComparer.Ordinal)
    {
        ["groupBy"] = ["stage", "sector", "park", "owner", "team", "source", "province", "city", "sector,stage", "park,stage", "owner,stage", "team,stage", "source,stage", "province,stage", "city,stage"],
        ["interval"] = ["month", "quarter", "year"],
        ["lang"] = ["zh-CN", "en"],
        ["state"] = ["held", "expired", "released"],
    };

    /// <summary>The query parameters of the lead list (GET /leads), which share names with the deal filters but not their meaning.</summary>
    private static readonly Dictionary<string, (string Description, string[]? Values)> LeadFilters = new(StringComparer.Ordinal)
    {
        ["state"] = ("Only leads in this state: pool (the shared pool), queued (a team's, no officer yet), assigned, converted or dropped.", ["pool", "queued", "assigned", "converted", "dropped"]),
        ["source"] = ("Only leads from this source.", [.. Enum.GetValues<Domain.LeadSource>().Select(Domain.Names.Of)]),
        ["companyId"] = ("Only leads of this company.", null),
        ["teamId"] = ("Only leads of this team.", null),
        ["ownerId"] = ("Only leads this officer has.", null),
        ["flagged"] = ("true: only leads flagged for a deadline they still miss (escalated to the end); false: only the others.", null),
        ["receivedFrom"] = ("Only leads received on or after this day (YYYY-MM-DD, China Standard Time).", null),
        ["receivedTo"] = ("Only leads received on or before this day (YYYY-MM-DD, China Standard Time).", null),
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Description.HttpMethod ?? "GET";
        operation.Parameters ??= [];
        operation.Responses ??= [];
        var path = context.Description.RelativePath ?? "";
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Query && path.TrimEnd('/') == "api/v1/leads" && LeadFilters.TryGetValue(parameter.Name ?? "", out var lead))
            {
                parameter.Description ??= lead.Description;
                if (parameter.Schema is OpenApiSchema leadSchema)
                {
                    leadSchema.Format = parameter.Name is "receivedFrom" or "receivedTo" ? "date" : leadSchema.Format;
                    if (lead.Values is { } values)
                    {
                        leadSchema.Type = JsonSchemaType.String;
                        leadSchema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)!)];
                    }
                }
            }
            else if (parameter.In == ParameterLocation.Query)
            {
                Describe(parameter);
                parameter.Description ??= Filters.GetValueOrDefault(parameter.Name ?? "");
            }
            else if (parameter.In == ParameterLocation.Path)
            {
                parameter.Description ??= PathParameter(path, parameter.Name ?? "");
            }
        }

        var responses = operation.Responses;
        var problem = await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), null, cancellationToken);
        var validation = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, cancellationToken);
        var description = context.Description;
        var authenticated = description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()
            && !description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
        var hasBody = description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body) || operation.RequestBody is not null;

        // Answers any operation of the kind can give, whatever its handler does: a query parameter it does not know (every
        // operation), a missing key, an exhausted budget, a service stopping or a database out of reach; a path whose id is not
        // a number or names nothing; a body too large or of another type.
        responses.TryAdd("400", Problem("The request is malformed: a query parameter the operation does not know, a value out of range, or (with a body) a field named in errors.", validation));
        if (authenticated)
        {
            responses.TryAdd("401", Problem("No API key, or one that is unknown, revoked or expired.", problem));
        }

        responses.TryAdd("429", Problem("Too many requests from this key (or, without a known key, this address).", problem));
        responses.TryAdd("503", Problem("The service is stopping or its database is out of reach: nothing was applied; retry after Retry-After.", problem));
        if (description.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            responses.TryAdd("404", Problem("Nothing the caller may see has this id.", problem));
        }

        if (hasBody)
        {
            responses.TryAdd("413", Problem("The body is larger than the service accepts (1 MiB).", problem));
            responses.TryAdd("415", Problem("The body is not JSON (application/json, or application/merge-patch+json for a PATCH).", problem));
        }

        // What the endpoint declares without a body type (streamed files, 304) is not carried over by the generator: declared here.
        foreach (var produced in description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Where(r => r.Type is null || r.Type == typeof(void)))
        {
            var key = produced.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!responses.TryGetValue(key, out var declared) || declared is not OpenApiResponse file)
            {
                responses[key] = file = new OpenApiResponse { Description = produced.StatusCode == StatusCodes.Status304NotModified ? "Not Modified: the copy the client holds is current." : "OK" };
            }

            if (produced.ContentTypes.Any() && file.Content is null or { Count: 0 })
            {
                file.Content = produced.ContentTypes.ToDictionary(
                    type => type,
                    type => new OpenApiMediaType
                    {
                        Schema = type.StartsWith("text/", StringComparison.Ordinal)
                            ? new OpenApiSchema { Type = JsonSchemaType.String, Description = "UTF-8 text with a byte-order mark, one header row." }
                            : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "An Office Open XML workbook." },
                    });
            }
        }

        if (responses.ContainsKey("304"))
        {
            operation.Parameters.Add(Header("If-None-Match", "The ETag of a copy the client holds: 304 Not Modified, without a body, while the answer would be the same."));
            if (responses.TryGetValue("200", out var fresh) && fresh is OpenApiResponse ok)
            {
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                ok.Headers.TryAdd("ETag", HeaderOf("Identifies this answer, for If-None-Match.", null));
            }
        }
        operation.Parameters.Add(Header(
            "Accept-Language",
            "The caller's languages (RFC 9110): zh (Chinese) or en. Problem titles and details, report labels and export headers follow it; answers that depend on it say Content-Language."));
        if (responses.ContainsKey("412"))
        {
            operation.Parameters.Add(Header("If-Match", "The ETag the change was based on (the version, as \"3\"); a stale one is a 412, * matches any."));
        }

        if (method == "POST")
        {
            operation.Parameters.Add(Header(
                "Idempotency-Key",
                $"Up to {Idempotency.MaxKeyLength} printable characters: the request is applied at most once; a repeat with the same key and body gets the first answer (Idempotent-Replayed: true), another body a 422."));
            responses.TryAdd("422", Problem("The Idempotency-Key was used with another request.", problem));
        }

        if (method == "PATCH")
        {
            responses["415"] = Problem("The patch is not application/merge-patch+json or application/json.", problem);
        }

        operation.Description ??= Conventions(method, path, operation);
        foreach (var (status, response) in responses.Where(r => r.Value is OpenApiResponse))
        {
            var answer = (OpenApiResponse)response;
            answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (answer.Content?.ContainsKey(ProblemWriter.ContentType) == true || (status == "200" && (path.StartsWith("api/v1/reports/", StringComparison.Ordinal) || path.StartsWith("api/v1/export/", StringComparison.Ordinal))))
            {
                answer.Headers.TryAdd("Content-Language", HeaderOf("zh-CN or en: the language of the titles and messages (problems), labels or headers (reports and exports), after Accept-Language.", null));
            }

            switch (status)
            {
                case "201":
                    answer.Headers.TryAdd("Location", HeaderOf("The new resource's path (a relative reference).", null));
                    if (VersionedPaths(context).Any(item => IsItemOf(item, context.Description.RelativePath ?? "")))
                    {
                        answer.Headers.TryAdd("ETag", HeaderOf("The new resource's version, for If-Match.", null));
                    }

                    break;
                case "200" when method != "POST" && VersionedPaths(context).Contains(context.Description.RelativePath ?? ""):
                    answer.Headers.TryAdd("ETag", HeaderOf("The resource's version, for If-Match.", null));
                    break;
                case "429" or "503":
                    answer.Headers.TryAdd("Retry-After", HeaderOf("Seconds to wait before retrying.", "integer"));
                    break;
            }
        }

    }

    /// <summary>
    /// What an operation without a description of its own does by the API's conventions, said from
    /// what it declares: a creation's 201 and Location, a page's cursor, a read's ETag, a merge patch,
    /// a streamed file, the roles refused.
    /// </summary>
    private static string Conventions(string method, string path, OpenApiOperation operation)
    {
        var responses = operation.Responses ?? [];
        var ok = responses.GetValueOrDefault("200") as OpenApiResponse;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var named = segments.Reverse().FirstOrDefault(s => Resources.ContainsKey(s));
        var resource = named is null ? "resource" : Resources[named];
        var sentences = new List<string>();
        if (responses.ContainsKey("201"))
        {
            sentences.Add($"Answers 201 with the new {resource} and its Location. With an Idempotency-Key the request is applied at most once: a repeat with the same body gets the first answer.");
        }

        if (method == "GET" && operation.Parameters?.Any(p => p.Name == "cursor") == true)
        {
            sentences.Add($"Paged: at most limit items (default {Cursor.DefaultLimit}, at most {Cursor.MaxLimit}); nextCursor, or the full URL in next, leads to the following page, and pages neither repeat nor skip an item when rows are written meanwhile.");
        }
        else if (method == "GET" && path.EndsWith('}') && named is not null)
        {
            sentences.Add($"A 404 when there is no such {resource} the caller may see.");
        }

        if (method == "GET" && ok?.Content?.Keys.Any(k => !k.Contains("json", StringComparison.Ordinal)) == true)
        {
            sentences.Add("Written as it is read, so that any number of rows is served in constant memory; a bad filter is a 400 before anything is written.");
        }

        if (method == "PATCH")
        {
            sentences.Add($"A JSON merge patch (RFC 7396) of any of the members shown: null clears an optional member; a member that cannot be changed this way is a 400 naming it. Answers the {resource} as changed.");
        }

        if (method == "PUT")
        {
            sentences.Add("Idempotent: the same request again leaves the same state.");
        }

        if (method == "DELETE")
        {
            sentences.Add("Answers 204 without a body.");
        }

        if (responses.ContainsKey("412"))
        {
            sentences.Add("If-Match (the ETag of a read) turns a change based on a stale copy into a 412; the answer carries the new ETag.");
        }
        else if (method == "GET" && path.EndsWith('}') && operation.Summary?.Contains("ETag", StringComparison.Ordinal) == true)
        {
            sentences.Add("Send its ETag in If-Match when changing it.");
        }

        if (responses.ContainsKey("403"))
        {
            sentences.Add("A role that may not do this gets a 403.");
        }

        return sentences.Count > 0 ? string.Join(" ", sentences) : "Needs an API key of any role.";
    }

    /// <summary>True when <paramref name="item"/> is one member of the collection <paramref name="collection"/> (…/parks or …/parks/, and …/parks/{id}).</summary>
    private static bool IsItemOf(string item, string collection)
    {
        collection = collection.TrimEnd('/');
        return item.StartsWith(collection + "/{", StringComparison.Ordinal) && item.IndexOf('/', collection.Length + 1) < 0;
    }

    /// <summary>The paths with an operation that can answer 412: their resources are versioned, and their reads and changes answer an ETag.</summary>
    private static HashSet<string> VersionedPaths(OpenApiOperationTransformerContext context) =>
        [.. context.ApplicationServices.GetRequiredService<Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionGroupCollectionProvider>()
            .ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.SupportedResponseTypes.Any(r => r.StatusCode == StatusCodes.Status412PreconditionFailed))
            .Select(d => d.RelativePath ?? "")];

    private static void Describe(OpenApiParameter parameter)
    {
        if (parameter.Schema is not OpenApiSchema schema)
        {
            return;
        }

        if (Dates.TryGetValue(parameter.Name ?? "", out var date))
        {
            schema.Type = date.Type;
            schema.Format = date.Format;
            parameter.Description ??= date.Description;
        }
        else if (parameter.Name == "limit")
        {
            schema.Type = JsonSchemaType.Integer;
            schema.Minimum = "1";
            schema.Maximum = Cursor.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            schema.Default = JsonValue.Create(Cursor.DefaultLimit);
            parameter.Description ??= $"Items per page, 1 to {Cursor.MaxLimit} (default {Cursor.DefaultLimit}).";
        }
        else if (parameter.Name == "cursor")
        {
            parameter.Description ??= "The nextCursor of the previous page (opaque, sealed to the caller and the query); or follow next.";
        }
        else if (parameter.Name is "stage" or "source")
        {
            // Comma-separated lists of a domain enum's names.
            var names = parameter.Name == "stage"
                ? Enum.GetValues<Domain.Stage>().Select(Domain.Names.Of)
                : Enum.GetValues<Domain.DealSource>().Select(Domain.Names.Of);
            var one = "(" + string.Join("|", names) + ")";
            schema.Type = JsonSchemaType.String;
            schema.Pattern = $"^{one}(,{one})*$";
        }
        else if (parameter.Name is { } name && Values.TryGetValue(name, out var values))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)!)];
        }
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    /// <summary>A header the answer always carries (the contract check holds every answer of the test suite to it).</summary>
    private static OpenApiHeader HeaderOf(string description, string? type) => new()
    {
        Description = description,
        Required = true,
        Schema = new OpenApiSchema { Type = type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.String },
    };

    private static OpenApiResponse Problem(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
    };
}
