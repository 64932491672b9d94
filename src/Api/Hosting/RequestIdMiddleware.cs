using System.Globalization;

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

    private static string NewId() => string.Create(CultureInfo.InvariantCulture, $"req_{Guid.CreateVersion7():N}");

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
