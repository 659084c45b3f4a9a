using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>
/// The real service on a test host, over a fresh database of its own: a new SQLite file in a
/// temporary folder, or a new SQL Server database. Demo data is off unless a test turns it on.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string? _folder;

    public ApiFactory(DatabaseProvider provider, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? sqliteFile = null)
    {
        Provider = provider;
        _services = services;
        if (provider == DatabaseProvider.Sqlite)
        {
            if (sqliteFile is null)
            {
                _folder = Path.Combine(Path.GetTempPath(), "dealpipeline-tests", Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(_folder);
                sqliteFile = Path.Combine(_folder, "test.db");
            }

            ConnectionString = new SqliteConnectionStringBuilder { DataSource = sqliteFile, Pooling = false }.ToString();
        }
        else
        {
            ConnectionString = provider == DatabaseProvider.Postgres ? ServerDatabase.Postgres.Create() : ServerDatabase.SqlServer.Create();
        }

        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = ConnectionString,
            ["Demo:Seed"] = "false",
            ["Auth:BootstrapAdminKey"] = BootstrapAdminKey,
            ["Logging:LogLevel:Default"] = "Warning",

            // Tests send many requests without a key, or with a key not yet looked up, from one
            // address; the budget for those is tested on its own (HardeningSettingsTests).
            ["RateLimit:UnknownKeyPermitsPerSecond"] = "100000",
            ["RateLimit:UnknownKeyBurst"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The admin key the tests' default client sends.</summary>
    public const string BootstrapAdminKey = "test-bootstrap-admin-key-0123456789";

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// A client whose every answer from the API is checked against the service's OpenAPI document
    /// (<see cref="ContractCheck"/>): a test fails on an answer the document does not describe.
    /// </summary>
    public new HttpClient CreateClient() => CreateClient(followRedirects: true);

    /// <summary>The same, answering redirects (a merged company's 301) as they are when <paramref name="followRedirects"/> is false.</summary>
    public HttpClient CreateClient(bool followRedirects)
    {
        var check = new ContractCheck(OpenApiDocumentAsync, Untranslated.Drain);
        return followRedirects
            ? CreateDefaultClient(ClientOptions.BaseAddress, new Microsoft.AspNetCore.Mvc.Testing.Handlers.RedirectHandler(), check)
            : CreateDefaultClient(ClientOptions.BaseAddress, check);
    }

    /// <summary>The problem texts the service answered without their Chinese since the last check (<see cref="ContractCheck"/>).</summary>
    public UntranslatedTexts Untranslated { get; } = new();

    /// <summary>The service's OpenAPI document, as /openapi/v1.json serves it.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> OpenApiDocumentAsync()
    {
        if (_document is null)
        {
            using var plain = CreateDefaultClient();
            _document = System.Text.Json.Nodes.JsonNode.Parse(await plain.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        }

        return _document;
    }

    private System.Text.Json.Nodes.JsonNode? _document;

    /// <summary>A client that sends <paramref name="apiKey"/> (none when null).</summary>
    public HttpClient ClientWithKey(string? apiKey, bool followRedirects = true)
    {
        var client = CreateClient(followRedirects);
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public string ConnectionString { get; }

    public Database Database => Services.GetRequiredService<Database>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Untranslated));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        if (Provider == DatabaseProvider.SqlServer)
        {
            ServerDatabase.SqlServer.Drop(ConnectionString);
        }
        else if (Provider == DatabaseProvider.Postgres)
        {
            ServerDatabase.Postgres.Drop(ConnectionString);
        }
        else if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // a file still open on a slow shutdown: the temp folder is cleaned by the OS
            }
        }
    }
}
