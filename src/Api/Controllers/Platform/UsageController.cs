using LlmPlatform.Application.Billing.Reports;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Platform;

/// <summary>The platform's usage reports: <c>GET /usage</c> and <c>GET /usage/billing</c>, scoped to the caller.</summary>
[Tags("Usage")]
[ProducesResponseType<Errors.ErrorEnvelope>(StatusCodes.Status403Forbidden)]
public sealed class UsageController : DialectController
{
    public UsageController(IMediator mediator)
        : base(mediator)
    {
    }

    /// <summary>
    /// Requests, tokens, cost and latency percentiles per day or hour (<c>granularity</c>) and model between
    /// <c>start_date</c> and <c>end_date</c> (inclusive, UTC days), optionally for one <c>model</c>, with totals.
    /// </summary>
    [HttpGet("/usage")]
    [HttpGet("/v1/usage")]
    [ProducesResponseType<UsageReport>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Usage(
        [FromQuery(Name = "start_date")] string? startDate,
        [FromQuery(Name = "end_date")] string? endDate,
        [FromQuery(Name = "granularity")] string? granularity,
        [FromQuery(Name = "model")] string? model,
        CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetUsageQuery(startDate, endDate, granularity, model, Caller), cancellationToken).ConfigureAwait(false));

    /// <summary>The current calendar month's usage (UTC) against the caller's limits.</summary>
    [HttpGet("/usage/billing")]
    [HttpGet("/v1/usage/billing")]
    [ProducesResponseType<UsageBillingReport>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Billing(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetUsageBillingQuery(Caller), cancellationToken).ConfigureAwait(false));
}
