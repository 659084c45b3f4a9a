using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Http;

/// <summary>
/// One mechanism at the HTTP edge for every POST: a request with an <c>Idempotency-Key</c> is
/// applied at most once. A repeat with the same key and body gets the first answer again
/// (<c>Idempotent-Replayed: true</c>); the same key with another body is a 422. The key, the change
/// and the answer are committed in one transaction (the command claims the key in its transaction,
/// and this middleware stores the answer and commits), so after a crash a retry either finds the
/// answer or finds nothing and applies the request: it never waits on a half-done claim. A
/// repeat sent while the first is running waits for it and then gets its answer. A request refused
/// with an error applied nothing and stored nothing, so a corrected retry may use the key. Keys are
/// kept <see cref="IdempotencyOptions.RetentionHours"/> hours. An answer that carried a new API key
/// (<see cref="SecretResponse"/>) is not stored: its repeat is a 409 that points at what was created.
/// </summary>
public sealed class Idempotency(RequestDelegate next)
{
    /// <summary>Stored instead of the body of an answer that carried a secret (a new API key), which is never kept.</summary>
    private const string Redacted = "application/x-dealpipeline-redacted";

    public const string Header = "Idempotency-Key";

    /// <summary>The client's part of the key; stored with the caller's id in front (the column holds 200).</summary>
    public const int MaxKeyLength = 150;

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store, IdempotentRequest idempotent, DbSession session, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(idempotent);
        ArgumentNullException.ThrowIfNull(session);
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0)
        {
            await next(context);
            return;
        }

        if (key.Length > MaxKeyLength || !CleanText.IsClean(key))
        {
            await WriteProblem(context, problems, StatusCodes.Status400BadRequest, ProblemTexts.IdempotencyKeyMostMaxPrintableCharacters.With(("max", MaxKeyLength)));
            return;
        }

        // Keys are the caller's own: two clients that happen to pick the same key never collide.
        var caller = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? context.User.Identity?.Name ?? "anonymous";
        key = caller + "|" + key;
        context.Request.EnableBuffering();
        var hash = await HashAsync(context.Request, context.RequestAborted);
        if (await store.FindAsync(key, context.RequestAborted) is { } earlier)
        {
            await Answer(context, problems, earlier, hash);
            return;
        }

        idempotent.Key = key;
        idempotent.Hash = hash;
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
            if (idempotent.Claimed)
            {
                await CommitWithAnswer(context, session, key, buffer.ToArray());
            }
        }
        catch (IdempotencyKeyTakenException)
        {
            // Another request with this key committed while this one ran: answer with what it stored.
            context.Response.Body = original;
            context.Response.Clear();

            // On SQLite the other request may have run in this one's commit group: wait for that commit.
            await session.SettleAsync();
            if (await store.FindAsync(key, context.RequestAborted) is { } stored)
            {
                await Answer(context, problems, stored, hash);
            }
            else
            {
                // Taken and already expired: only a retention shorter than the request could get here.
                await WriteProblem(context, problems, StatusCodes.Status409Conflict, ProblemTexts.AnotherRequestIdempotencyKeyAppliedMeanwhile);
            }

            return;
        }
        finally
        {
            context.Response.Body = original;
            await session.RollbackAsync();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Stores the answer beside the change in the command's open transaction and commits both; a 5xx answer commits nothing.</summary>
    private static async Task CommitWithAnswer(HttpContext context, DbSession session, string key, byte[] body)
    {
        var response = context.Response;
        if (response.StatusCode >= 500)
        {
            await session.RollbackAsync();
            return;
        }

        var secret = context.GetEndpoint()?.Metadata.GetMetadata<SecretResponse>() is not null;
        await IdempotencyStore.CompleteAsync(
            session,
            key,
            response.StatusCode,
            secret ? Redacted : response.ContentType,
            response.Headers.Location.ToString(),
            response.Headers.ETag.ToString(),
            secret ? [] : body,
            CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
    }

    private static async Task Answer(HttpContext context, IProblemDetailsService problems, IdempotencyStore.Stored stored, string hash)
    {
        if (stored.RequestHash != hash)
        {
            await WriteProblem(context, problems, StatusCodes.Status422UnprocessableEntity, ProblemTexts.IdempotencyKeyUsedAnotherRequest);
        }
        else if (stored.ContentType == Redacted)
        {
            // The first answer held a new API key; only its hash is kept, so it cannot be shown again.
            context.Response.Headers.Location = stored.Location;
            await WriteProblem(context, problems, StatusCodes.Status409Conflict, ProblemTexts.RequestAlreadyAppliedSeeLocationAnswer);
        }
        else
        {
            await Replay(context, stored);
        }
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
        ServiceMetrics.IdempotentReplay((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)");
        await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static async Task WriteProblem(HttpContext context, IProblemDetailsService problems, int status, Message detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problems.Of(status, ProblemTexts.IdempotencyKeyConflict, detail),
        });
    }
}

/// <summary>Marks an endpoint whose answer carries a secret that must never be stored (a new API key).</summary>
public sealed class SecretResponse;
