using System.Text;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The body of <c>POST /api/webhooks/register</c>.</summary>
public sealed record RegisterWebhookRequest
{
    /// <summary>The team whose job events are sent; a key that is not an admin's names its own team. Required.</summary>
    public string? TeamId { get; init; }

    /// <summary>Where the events are posted: an absolute http(s) URL. Required.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary><c>job.completed</c> and/or <c>job.failed</c>; both when omitted.</summary>
    public List<string>? Events { get; init; }

    /// <summary>The <c>Authorization</c> header value each delivery carries.</summary>
    public string? AuthHeader { get; init; }

    /// <summary>Keeps the header value out of anything that prints the request.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("TeamId = ").Append(TeamId).Append(", WebhookUrl = ").Append(WebhookUrl).Append(", Events = [").AppendJoin(", ", Events ?? [])
            .Append("], AuthHeader = ").Append(AuthHeader is null ? "null" : "***");
        return true;
    }
}
