using System.Text;

namespace LlmPlatform.Api.Controllers.Platform;

/// <summary>The body of <c>POST /webhooks</c>.</summary>
public sealed record CreateWebhookRequest
{
    /// <summary>Where events are posted: an absolute http:// or https:// URL.</summary>
    public string? Url { get; init; }

    /// <summary>The event types to receive.</summary>
    public List<string>? Events { get; init; }

    /// <summary>The HMAC-SHA256 signing secret; when omitted one is generated and shown once, in the answer.</summary>
    public string? Secret { get; init; }

    /// <summary>Keeps the secret out of anything that prints the request.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Url = ").Append(Url).Append(", Events = [").AppendJoin(", ", Events ?? []).Append("], Secret = ").Append(Secret is null ? "null" : "***");
        return true;
    }
}
