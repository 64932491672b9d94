using System.Text;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Webhooks.CreateWebhook;

/// <summary><c>POST /webhooks</c>: without a <paramref name="Secret"/>, one is generated and shown in this answer only.</summary>
public sealed record CreateWebhookCommand(CallerIdentity Caller, string? Url, IReadOnlyList<string>? Events, string? Secret) : ICommand<WebhookView>
{
    /// <summary>Keeps the secret out of anything that prints the command.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Url = ").Append(Url).Append(", Events = [").AppendJoin(", ", Events ?? []).Append("], Secret = ").Append(Secret is null ? "null" : "***");
        return true;
    }
}
