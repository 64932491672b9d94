using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>Builds the <see cref="Error"/> of a failed upstream call; never includes a credential.</summary>
internal static class UpstreamErrors
{
    private const int MaxErrorBody = 64 * 1024;

    public static async Task<Error> FromResponseAsync(string provider, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        string? message = null;
        string? code = null;
        try
        {
            var bytes = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
            (message, code) = ExtractMessage(bytes);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException)
        {
            // The body is a courtesy; the status is what matters.
        }

        var text = $"{provider} returned {status} {ReasonPhrase(response.StatusCode)}" + (message is null ? "." : $": {message}");
        return new Error(ErrorKind.Upstream, code ?? CodeFor(status), text, null, status)
        {
            RetryAfter = RetryAfter(response.Headers.RetryAfter, response.Headers),
        };
    }

    public static Error ConnectionFailed(string provider, Exception ex) =>
        new(ErrorKind.Upstream, "upstream_connection_error", $"{provider}: the connection to the upstream failed ({ex.GetType().Name}).", null, 502);

    public static Error TimedOut(string provider, TimeSpan timeout) =>
        new(ErrorKind.Timeout, "upstream_timeout", $"{provider}: the upstream did not answer within {timeout.TotalSeconds:0.###} s.", null, 504);

    public static Error BadAnswer(string provider, string what) =>
        new(ErrorKind.Upstream, "upstream_bad_response", $"{provider}: the upstream's answer could not be read ({what}).", null, 502);

    public static bool IsRetryable(Error error) =>
        error.Kind is ErrorKind.Timeout
        || (error.Kind == ErrorKind.Upstream && error.StatusOverride is null or 408 or 409 or 429 or >= 500);

    private static string CodeFor(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        408 => "timeout",
        413 => "request_too_large",
        422 => "invalid_request_error",
        429 => "rate_limit_error",
        _ => "upstream_error",
    };

    private static string ReasonPhrase(HttpStatusCode status) => status.ToString();

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, HttpResponseHeaders headers)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        if (headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        return null;
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxErrorBody];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }

    /// <summary>Finds the message in the common envelopes: OpenAI's and Anthropic's <c>error.message</c>, Gemini's too, or a plain <c>message</c>.</summary>
    private static (string? Message, string? Code) ExtractMessage(byte[] body)
    {
        if (body.Length == 0)
        {
            return (null, null);
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
        {
            root = root[0];
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        var source = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? error : root;
        var message = source.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()
            : source.TryGetProperty("Message", out var m2) && m2.ValueKind == JsonValueKind.String ? m2.GetString()
            : root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        string? code = null;
        if (source.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String)
        {
            code = c.GetString();
        }
        else if (source.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String)
        {
            code = t.GetString();
        }

        return (message, code);
    }
}
