using LlmPlatform.Application.Webhooks;
using LlmPlatform.Application.Webhooks.CreateWebhook;
using LlmPlatform.Application.Webhooks.DeleteWebhook;
using LlmPlatform.Application.Webhooks.GetWebhook;
using LlmPlatform.Application.Webhooks.ListWebhookDeliveries;
using LlmPlatform.Application.Webhooks.ListWebhooks;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Platform;

/// <summary>
/// Webhooks (seed 001): signed event deliveries with retries and a delivery log. Admins see every webhook; other
/// keys those of their owner (team, else user, else the key).
/// </summary>
[Tags("Webhooks")]
public sealed class WebhooksController : DialectController
{
    public WebhooksController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/webhooks")]
    [HttpPost("/v1/webhooks")]
    [ProducesResponseType<WebhookView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] CreateWebhookRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new CreateWebhookCommand(Caller, request.Url, request.Events, request.Secret), cancellationToken));

    [HttpGet("/webhooks")]
    [HttpGet("/v1/webhooks")]
    [ProducesResponseType<WebhookList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListWebhooksQuery(Caller), cancellationToken));

    [HttpGet("/webhooks/{webhookId}")]
    [HttpGet("/v1/webhooks/{webhookId}")]
    [ProducesResponseType<WebhookView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(string webhookId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetWebhookQuery(Caller, webhookId), cancellationToken));

    [HttpDelete("/webhooks/{webhookId}")]
    [HttpDelete("/v1/webhooks/{webhookId}")]
    [ProducesResponseType<WebhookDeleted>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete(string webhookId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new DeleteWebhookCommand(Caller, webhookId), cancellationToken));

    [HttpGet("/webhooks/{webhookId}/deliveries")]
    [HttpGet("/v1/webhooks/{webhookId}/deliveries")]
    [ProducesResponseType<WebhookDeliveryList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Deliveries(string webhookId, [FromQuery] int? limit, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListWebhookDeliveriesQuery(Caller, webhookId, limit), cancellationToken));
}
