namespace LlmPlatform.Api.Hosting;

/// <summary>Every response carries <c>x-request-id</c>: the client's when it sent a sane one, otherwise a new one.</summary>
internal sealed class RequestIdMiddleware
{
    public const string Header = "x-request-id";
    private const string ItemKey = "llmplatform.request_id";

    private readonly RequestDelegate _next;

    public RequestIdMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers[Header].ToString();
        if (!IsSane(requestId))
        {
            requestId = NewId();
        }

        context.Items[ItemKey] = requestId;
        context.Response.Headers[Header] = requestId;
        return _next(context);
    }

    public static string Of(HttpContext context) => context.Items[ItemKey] as string ?? NewId();

    /// <summary>
    /// A UUIDv7 in hex (48 bits of Unix milliseconds, then 74 random bits), as <c>req_</c> and 32 characters. The
    /// random bits come from the process's fast generator, not the operating system's: an id must be unique and
    /// time-ordered, not unpredictable, and the system generator cost a read of the random device per request.
    /// </summary>
    internal static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var milliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)milliseconds;
            milliseconds >>= 8;
        }

        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        Span<char> chars = stackalloc char[36];
        "req_".CopyTo(chars);
        Convert.TryToHexStringLower(bytes, chars[4..], out _);
        return new string(chars);
    }

    private static bool IsSane(string value)
    {
        if (value.Length is 0 or > 128)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return false;
            }
        }

        return true;
    }
}
