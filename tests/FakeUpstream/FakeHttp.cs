using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LlmPlatform.FakeUpstream;

/// <summary>What every provider fake shares: recording, scripted failures, resets and SSE writing.</summary>
internal static class FakeHttp
{
    public static async Task<string> RecordAsync(HttpContext context, Script script, string route)
    {
        context.RequestAborted.Register(script.MarkAborted);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        if (script.Record)
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
            // The target as sent (still percent-encoded), which is what a signature covers.
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
            script.Add(new RecordedRequest(route, context.Request.Method, target, headers, body));
        }

        return body;
    }

    /// <summary>Applies latency, failures, hangs and resets before the first byte; returns false when the request is finished.</summary>
    public static async Task<bool> BeforeAnswerAsync(HttpContext context, Behavior behavior, FakeUpstreamOptions options, Func<int, string> errorBody)
    {
        var latency = behavior.Latency > TimeSpan.Zero ? behavior.Latency : options.FixedLatency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
        }

        switch (behavior.Kind)
        {
            case BehaviorKind.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ConfigureAwait(false);
                return false;
            case BehaviorKind.ResetBeforeFirstByte:
                Abort(context);
                return false;
            case BehaviorKind.Status:
                context.Response.StatusCode = behavior.Status;
                if (behavior.RetryAfterSeconds is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                }

                context.Response.ContentType = "application/json";
                var text = behavior.Body ?? errorBody(behavior.Status);
                if (behavior.Gzip)
                {
                    // Compressed, with the compressed length declared, as an upstream behind a compressing proxy answers.
                    using var compressed = new MemoryStream();
                    using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gzip.Write(Encoding.UTF8.GetBytes(text));
                    }

                    context.Response.Headers.ContentEncoding = "gzip";
                    context.Response.ContentLength = compressed.Length;
                    await context.Response.Body.WriteAsync(compressed.ToArray(), context.RequestAborted).ConfigureAwait(false);
                    return false;
                }

                await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
                return false;
            default:
                return true;
        }
    }

    /// <summary>The body as a JSON object, or null when it is not valid JSON or not an object.</summary>
    public static JsonObject? ParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void Abort(HttpContext context)
    {
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Abort();
    }

    /// <summary>Resets the connection after what was sent had time to reach the client, as a real mid-stream failure does.</summary>
    public static async Task AbortMidStreamAsync(HttpContext context)
    {
        await Task.Delay(100, context.RequestAborted).ConfigureAwait(false);
        Abort(context);
    }

    public static void StartEventStream(HttpContext context, string contentType = "text/event-stream")
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-cache";
    }

    public static async Task WriteEventAsync(HttpContext context, string? eventName, string data)
    {
        var text = eventName is null ? $"data: {data}\n\n" : $"event: {eventName}\ndata: {data}\n\n";
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The answer words: the behaviour's text, or a deterministic sentence of the configured length.</summary>
    public static string[] Words(Behavior behavior, FakeUpstreamOptions options)
    {
        if (behavior.Text is { } text)
        {
            return Split(text);
        }

        var words = new string[options.AnswerWords];
        for (var i = 0; i < words.Length; i++)
        {
            var word = i == 0 ? "Fake" : " word" + i.ToString(CultureInfo.InvariantCulture);
            words[i] = word.Length < options.WordLength ? word.PadRight(options.WordLength, 'x') : word;
        }

        return words;
    }

    private static string[] Split(string text)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                pieces.Add(text[start..i]);
                start = i;
            }
        }

        return pieces.ToArray();
    }
}
