using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DealPipeline.Api.Tests.Infrastructure;

/// <summary>A test that needs nginx: skipped where it is not installed, unless DEALPIPELINE_REQUIRE_NGINX is set (as .ci/run does, after installing it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute()
    {
        if (Nginx.Executable is null && Environment.GetEnvironmentVariable("DEALPIPELINE_REQUIRE_NGINX") is not "1")
        {
            Skip = "nginx is not installed (apt-get install nginx); .ci/run installs it.";
        }
    }
}

/// <summary>
/// nginx from the machine's packages, run by the test as its own master process in a temporary
/// prefix, serving <c>deploy/nginx/dealpipeline.conf</c> with its ports, names and certificate
/// paths replaced, in front of a service on loopback. TLS uses a certificate made for the run.
/// </summary>
public sealed class Nginx : IDisposable
{
    private readonly Process _process;
    private readonly TempFolder _folder;

    private Nginx(Process process, TempFolder folder, int httpsPort, int httpPort, X509Certificate2 certificate)
    {
        _process = process;
        _folder = folder;
        HttpsPort = httpsPort;
        HttpPort = httpPort;
        Certificate = certificate;
    }

    public static string? Executable { get; } =
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx" }.FirstOrDefault(File.Exists);

    public int HttpsPort { get; }

    public int HttpPort { get; }

    public X509Certificate2 Certificate { get; }

    public static async Task<Nginx> StartAsync(string siteFile, Uri upstream)
    {
        var folder = new TempFolder("nginx");
        var certificate = SelfSigned("localhost");
        await File.WriteAllTextAsync(folder.File("cert.pem"), certificate.ExportCertificatePem());
        using (var key = certificate.GetRSAPrivateKey()!)
        {
            await File.WriteAllTextAsync(folder.File("key.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        var (https, http) = (ServiceProcess.FreePort(), ServiceProcess.FreePort());
        var site = (await File.ReadAllTextAsync(siteFile))
            .Replace("server 127.0.0.1:5080;", $"server 127.0.0.1:{upstream.Port};", StringComparison.Ordinal)
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{https} ssl http2;", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{http};", StringComparison.Ordinal)
            .Replace("server_name dealpipeline.example.gov.cn;", "server_name localhost;", StringComparison.Ordinal)
            .Replace("/etc/ssl/dealpipeline/fullchain.pem", folder.File("cert.pem"), StringComparison.Ordinal)
            .Replace("/etc/ssl/dealpipeline/privkey.pem", folder.File("key.pem"), StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{https} ssl http2", site, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{upstream.Port}", site, StringComparison.Ordinal);
        await File.WriteAllTextAsync(folder.File("site.conf"), site);
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(folder.File(temp));
        }

        var root = Environment.UserName == "root" ? "user root;" : "";
        await File.WriteAllTextAsync(folder.File("nginx.conf"), $$"""
            {{root}}
            worker_processes 1;
            daemon off;
            pid {{folder.File("nginx.pid")}};
            error_log {{folder.File("error.log")}} warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{folder.File("body")}};
                proxy_temp_path {{folder.File("proxy")}};
                fastcgi_temp_path {{folder.File("fastcgi")}};
                uwsgi_temp_path {{folder.File("uwsgi")}};
                scgi_temp_path {{folder.File("scgi")}};
                include {{folder.File("site.conf")}};
            }
            """);
        var executable = Executable ?? throw new InvalidOperationException("nginx is required (DEALPIPELINE_REQUIRE_NGINX=1) but not installed.");
        var start = new ProcessStartInfo(executable, $"-p {folder.Path} -c {folder.File("nginx.conf")}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var nginx = new Nginx(process, folder, https, http, certificate);
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                var log = File.Exists(folder.File("error.log")) ? await File.ReadAllTextAsync(folder.File("error.log")) : "";
                throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()} {log}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, https);
                return nginx;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        nginx.Dispose();
        throw new TimeoutException("nginx did not start listening.");
    }

    /// <summary>
    /// A client that connects from <paramref name="from"/> (a loopback address of its own, so that
    /// the service can be seen telling clients apart) and trusts exactly this run's certificate.
    /// </summary>
    public HttpClient Client(IPAddress from, string? apiKey)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString();
        var client = new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{HttpsPort}"), Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Certificate.Dispose();
        _folder.Dispose();
    }

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

}
