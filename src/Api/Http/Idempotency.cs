using System.Security.Cryptography;
using DealPipeline.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Http;

/// <summary>
/// One mechanism at the HTTP edge for every POST: a request with an <c>Idempotency-Key</c> is
/// applied at most once. The key is claimed before the request runs; its response is stored and
/// replayed for a repeat with the same key and body; the same key with another body is a 422;
/// a repeat while the first is still running is a 409. A request refused with an error (an
/// exception: validation, a domain rule, a conflict) or answered with a 5xx applied nothing, so
/// its key is released and a corrected retry may use it. An answer that carried a new API key
/// (<see cref="SecretResponse"/>) is not stored: its repeat is a 409 that points at what was created.
/// </summary>
public sealed class Idempotency(RequestDelegate next)
{
    /// <summary>Stored instead of the body of an answer that carried a secret (a new API key), which is never kept.</summary>
    private const string Redacted = "application/x-dealpipeline-redacted";

    public const string Header = "Idempotency-Key";
    /// <summary>The client's part of the key; stored with the caller's id in front (the column holds 200).</summary>
    public const int MaxKeyLength = 150;

    public async Task InvokeAsync(HttpContext context, Database database, IClock clock, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(database);
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0)
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength)
        {
            await WriteProblem(context, problems, StatusCodes.Status400BadRequest, $"{Header} has at most {MaxKeyLength} characters.");
            return;
        }

        // Keys are the caller's own: two clients that happen to pick the same key never collide.
        var caller = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? context.User.Identity?.Name ?? "anonymous";
        key = caller + "|" + key;
        context.Request.EnableBuffering();
        var hash = await HashAsync(context.Request, context.RequestAborted);
        var store = new IdempotencyStore(database);
        var claimed = await store.TryClaimAsync(key, hash, clock.UtcNow, context.RequestAborted);
        if (!claimed)
        {
            var stored = await store.FindAsync(key, context.RequestAborted);
            if (stored is null || stored.RequestHash != hash)
            {
                await WriteProblem(context, problems, StatusCodes.Status422UnprocessableEntity, $"This {Header} was used with another request.");
            }
            else if (stored.StatusCode == 0)
            {
                await WriteProblem(context, problems, StatusCodes.Status409Conflict, $"A request with this {Header} is still being processed.");
            }
            else if (stored.ContentType == Redacted)
            {
                // The first answer held a new API key; only its hash is kept, so it cannot be shown again.
                context.Response.Headers.Location = stored.Location;
                await WriteProblem(context, problems, StatusCodes.Status409Conflict, $"This request was already applied (see Location); its answer held a new API key, which is shown only once and never stored. Revoke it and issue another if it was lost.");
            }
            else
            {
                await Replay(context, stored);
            }

            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            // Refused before it was applied (validation, a domain rule): nothing to replay, and the key is free again.
            await store.ReleaseAsync(key, CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode >= 500)
        {
            await store.ReleaseAsync(key, CancellationToken.None);
        }
        else
        {
            var secret = context.GetEndpoint()?.Metadata.GetMetadata<SecretResponse>() is not null;
            await store.CompleteAsync(
                key,
                context.Response.StatusCode,
                secret ? Redacted : context.Response.ContentType,
                context.Response.Headers.Location.ToString(),
                context.Response.Headers.ETag.ToString(),
                secret ? [] : buffer.ToArray(),
                CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(request.Method + " " + request.Path + request.QueryString + "\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static async Task Replay(HttpContext context, IdempotencyStore.Stored stored)
    {
        context.Response.StatusCode = stored.StatusCode;
        if (!string.IsNullOrEmpty(stored.ContentType))
        {
            context.Response.ContentType = stored.ContentType;
        }

        if (!string.IsNullOrEmpty(stored.Location))
        {
            context.Response.Headers.Location = stored.Location;
        }

        if (!string.IsNullOrEmpty(stored.Etag))
        {
            context.Response.Headers.ETag = stored.Etag;
        }

        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static async Task WriteProblem(HttpContext context, IProblemDetailsService problems, int status, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = "Idempotency key conflict", Detail = detail },
        });
    }
}

/// <summary>Marks an endpoint whose answer carries a secret that must never be stored (a new API key).</summary>
public sealed class SecretResponse;
