using System.Security.Cryptography;
using LlmPlatform.Api.Authentication;
using LlmPlatform.Api.Errors;
using LlmPlatform.Application.Common.Idempotency;

namespace LlmPlatform.Api.Hosting;

/// <summary>
/// <c>Idempotency-Key</c> on the SaaS dialect's POSTs (seed 002): the first request with a key runs, and a success is
/// kept for 24 hours; a retry with the same key and the same request gets that answer again (marked
/// <c>Idempotent-Replayed: true</c>) instead of doing the work twice, and a different request under the key is
/// refused. A refusal or failure is not kept, so its retry runs. The key is the caller's own: another key's requests
/// never see it. A streamed answer is not kept, so the streaming endpoints run as if no key were sent.
/// </summary>
internal sealed class IdempotencyMiddleware
{
    public const string Header = "Idempotency-Key";

    /// <summary>Bodies larger than this are not hashed for a key (the request is refused instead).</summary>
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    private readonly RequestDelegate _next;
    private readonly IIdempotencyStore _store;
    private readonly TimeProvider _time;

    public IdempotencyMiddleware(RequestDelegate next, IIdempotencyStore store, TimeProvider time)
    {
        _next = next;
        _store = store;
        _time = time;
    }

    /// <summary>Whether a request takes part: a POST under <c>/api</c>, not a streaming one, with the header.</summary>
    public static bool Applies(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !(context.Request.Path.Value ?? string.Empty).EndsWith("-stream", StringComparison.OrdinalIgnoreCase)
        && context.Request.Headers.ContainsKey(Header);

    public async Task InvokeAsync(HttpContext context)
    {
        // No endpoint (a 404 to come) or none that needs a key: nothing to keep.
        if (ApiKeyMiddleware.TryCallerOf(context) is not { } caller)
        {
            await _next(context);
            return;
        }

        var key = context.Request.Headers[Header].ToString().Trim();
        if (key.Length is 0 or > IdempotencyRules.MaxKeyLength)
        {
            await ErrorWriter.WriteAsync(context, 400, $"'{Header}' must be 1 to {IdempotencyRules.MaxKeyLength} characters.", "invalid_request_error", "Idempotency-Key", "invalid_idempotency_key");
            return;
        }

        var hash = await HashAsync(context.Request, context.RequestAborted);
        if (hash is null)
        {
            await ErrorWriter.WriteAsync(context, 413, "The request body is too large to be sent with an Idempotency-Key.", "invalid_request_error", null, "request_too_large");
            return;
        }

        var scope = caller.KeyHash;
        var claim = await _store.ClaimAsync(scope, key, hash, _time.GetUtcNow(), context.RequestAborted);
        switch (claim.State)
        {
            case IdempotencyState.Replay:
                var answer = claim.Answer!;
                context.Response.StatusCode = answer.StatusCode;
                context.Response.ContentType = answer.ContentType;
                context.Response.Headers["Idempotent-Replayed"] = "true";
                context.Response.ContentLength = answer.Body.Length;
                await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
                return;
            case IdempotencyState.InFlight:
                await ErrorWriter.WriteAsync(context, 409, "A request with this Idempotency-Key is still being processed; retry it shortly.", "invalid_request_error", null, "idempotency_key_in_use");
                return;
            case IdempotencyState.Mismatch:
                await ErrorWriter.WriteAsync(context, 409, "This Idempotency-Key was already used with a different request.", "invalid_request_error", null, "idempotency_key_reused");
                return;
        }

        await RunAndKeepAsync(context, scope, key);
    }

    private async Task RunAndKeepAsync(HttpContext context, string scope, string key)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await _next(context);
            var status = context.Response.StatusCode;

            // Only a success is kept: a refused or failed request did no work, and its retry may well succeed.
            if (status is >= 200 and < 300)
            {
                await _store.CompleteAsync(scope, key, status, context.Response.ContentType, buffer.ToArray(), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
            {
                await _store.ReleaseAsync(scope, key, CancellationToken.None);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>The SHA-256 of the method, the path with its query, and the body; null when the body is too large.</summary>
    private static async Task<string?> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(request.Method + " " + request.Path + request.QueryString + "\n"));
        var chunk = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBodyBytes)
            {
                return null;
            }

            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
