using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Webhooks.DeleteWebhook;

internal sealed class DeleteWebhookCommandHandler : IRequestHandler<DeleteWebhookCommand, Result<WebhookDeleted>>
{
    private readonly IWebhookStore _store;

    public DeleteWebhookCommandHandler(IWebhookStore store)
    {
        _store = store;
    }

    public async Task<Result<WebhookDeleted>> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var webhook = await WebhookAccess.FindVisibleAsync(_store, command.Caller, command.Id, cancellationToken).ConfigureAwait(false);
        if (webhook is null || !await _store.DeleteAsync(webhook.Id, cancellationToken).ConfigureAwait(false))
        {
            return WebhookErrors.NotFound(command.Id);
        }

        return new WebhookDeleted(webhook.Id);
    }
}
