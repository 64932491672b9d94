using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Webhooks.GetWebhook;

internal sealed class GetWebhookQueryHandler : IRequestHandler<GetWebhookQuery, Result<WebhookView>>
{
    private readonly IWebhookStore _store;

    public GetWebhookQueryHandler(IWebhookStore store)
    {
        _store = store;
    }

    public async Task<Result<WebhookView>> Handle(GetWebhookQuery query, CancellationToken cancellationToken)
    {
        var webhook = await WebhookAccess.FindVisibleAsync(_store, query.Caller, query.Id, cancellationToken).ConfigureAwait(false);
        return webhook is null ? WebhookErrors.NotFound(query.Id) : WebhookView.Of(webhook);
    }
}
