using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Webhooks.ListWebhookDeliveries;

internal sealed class ListWebhookDeliveriesQueryHandler : IRequestHandler<ListWebhookDeliveriesQuery, Result<WebhookDeliveryList>>
{
    private const int DefaultLimit = 20;

    private readonly IWebhookStore _store;

    public ListWebhookDeliveriesQueryHandler(IWebhookStore store)
    {
        _store = store;
    }

    public async Task<Result<WebhookDeliveryList>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var webhook = await WebhookAccess.FindVisibleAsync(_store, query.Caller, query.Id, cancellationToken).ConfigureAwait(false);
        if (webhook is null)
        {
            return WebhookErrors.NotFound(query.Id);
        }

        var deliveries = await _store.ListDeliveriesAsync(webhook.Id, query.Limit ?? DefaultLimit, cancellationToken).ConfigureAwait(false);
        return new WebhookDeliveryList(deliveries);
    }
}
