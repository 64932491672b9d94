using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Webhooks.ListWebhooks;

internal sealed class ListWebhooksQueryHandler : IRequestHandler<ListWebhooksQuery, Result<WebhookList>>
{
    private readonly IWebhookStore _store;

    public ListWebhooksQueryHandler(IWebhookStore store)
    {
        _store = store;
    }

    public async Task<Result<WebhookList>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        var webhooks = await _store.ListAsync(query.Caller.Owner, query.Caller.IsAdmin, cancellationToken).ConfigureAwait(false);
        return new WebhookList(webhooks.Select(w => WebhookView.Of(w)).ToList());
    }
}
