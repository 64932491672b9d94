using LlmPlatform.Application.Access.Authentication;

namespace LlmPlatform.Application.Webhooks;

/// <summary>Who sees a webhook: admins see every one, other keys those of their owner scope.</summary>
internal static class WebhookAccess
{
    public static bool MaySee(CallerIdentity caller, Webhook webhook) =>
        caller.IsAdmin || string.Equals(webhook.Owner, caller.Owner, StringComparison.Ordinal);

    /// <summary>The webhook when it exists and the caller may see it; another owner's looks exactly like a missing one.</summary>
    public static async Task<Webhook?> FindVisibleAsync(IWebhookStore store, CallerIdentity caller, string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var webhook = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return webhook is not null && MaySee(caller, webhook) ? webhook : null;
    }
}
