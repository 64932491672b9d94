using System.Text;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Webhooks.CreateWebhook;

/// <summary><c>POST /webhooks</c>: without a <paramref name="Secret"/>, one is generated and shown in this answer only.</summary>
public sealed record CreateWebhookCommand(CallerIdentity Caller, string? Url, IReadOnlyList<string>? Events, string? Secret) : ICommand<WebhookView>
{
    /// <summary>
    /// The team whose events the webhook receives (the SaaS dialect's <c>team_id</c>): an admin may name any team, another
    /// key only its own. Null: the caller's owner scope (an admin's webhook then receives every event).
    /// </summary>
    public string? TeamId { get; init; }

    /// <summary>An <c>Authorization</c> header value every delivery carries (the SaaS dialect's <c>auth_header</c>); stored encrypted.</summary>
    public string? AuthHeader { get; init; }

    /// <summary>Keeps the secret and the header value out of anything that prints the command.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Url = ").Append(Url).Append(", Events = [").AppendJoin(", ", Events ?? []).Append("], Secret = ").Append(Secret is null ? "null" : "***")
            .Append(", TeamId = ").Append(TeamId).Append(", AuthHeader = ").Append(AuthHeader is null ? "null" : "***");
        return true;
    }
}
