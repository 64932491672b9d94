using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace LlmPlatform.Api.Hosting;

/// <summary>
/// Finishes ASP.NET Core's own request activity the way the HTTP semantic conventions name it: the route template
/// in the span name and <c>http.route</c>, the response status, and an error status for a 5xx. ASP.NET Core tags
/// the request's start itself (with its <c>SuppressActivityOpenTelemetryData</c> switch off); this adds what is
/// only known at the end.
/// </summary>
internal static class ServerSpan
{
    private static readonly object Ok = 200;

    public static void Complete(HttpContext context)
    {
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        var method = context.Request.Method;
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
        {
            activity.DisplayName = method + " " + route;
            activity.SetTag("http.route", route);
        }
        else
        {
            activity.DisplayName = method;
        }

        var status = context.Response.StatusCode;
        activity.SetTag("http.response.status_code", status == 200 ? Ok : status);
        if (status >= 500)
        {
            activity.SetTag("error.type", status.ToString(CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
