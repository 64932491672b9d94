using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Webhooks.CreateWebhook;

internal sealed class CreateWebhookCommandHandler : IRequestHandler<CreateWebhookCommand, Result<WebhookView>>
{
    private readonly IWebhookStore _store;
    private readonly IWebhookUrlGuard _guard;
    private readonly TimeProvider _time;

    public CreateWebhookCommandHandler(IWebhookStore store, IWebhookUrlGuard guard, TimeProvider time)
    {
        _store = store;
        _guard = guard;
        _time = time;
    }

    public async Task<Result<WebhookView>> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        if (!_store.CanEncrypt)
        {
            return WebhookErrors.NoEncryptionKey;
        }

        if (command.TeamId is { } teamId && !command.Caller.IsAdmin && !string.Equals(command.Caller.TeamId, teamId, StringComparison.Ordinal))
        {
            return WebhookErrors.NotYourTeam(teamId);
        }

        var url = new Uri(command.Url!, UriKind.Absolute);
        var allowed = await _guard.CheckAsync(url, cancellationToken).ConfigureAwait(false);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        var generated = command.Secret is null;
        var secret = command.Secret ?? WebhookSecrets.Generate();
        var webhook = new Webhook(
            WebhookSecrets.NewId("wh_"),
            command.TeamId is { } team ? "team:" + team : command.Caller.IsAdmin ? null : command.Caller.Owner,
            url.AbsoluteUri,
            command.Events!.Distinct(StringComparer.Ordinal).ToList(),
            WebhookSecrets.Mask(secret),
            DateTimeOffset.FromUnixTimeSeconds(_time.GetUtcNow().ToUnixTimeSeconds()));
        await _store.AddAsync(webhook, secret, command.AuthHeader, cancellationToken).ConfigureAwait(false);
        return WebhookView.Of(webhook, generated ? secret : null);
    }
}
