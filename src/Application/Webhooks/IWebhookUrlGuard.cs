using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Webhooks;

/// <summary>
/// Refuses webhook targets that would reach inside the deployment: a host that is or resolves to a loopback,
/// private, link-local, unique-local or unspecified address, unless <c>general_settings.webhook_allowed_hosts</c> names it.
/// </summary>
public interface IWebhookUrlGuard
{
    Task<Result<Unit>> CheckAsync(Uri url, CancellationToken cancellationToken);
}
