using LlmPlatform.Application.Billing.Credits;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>
/// The SaaS dialect's credits (seed 002): a team's balance and transactions (its key, or the master key), and credits
/// added by the master key. The team is <c>team_id</c>, or the key's own when it is left out.
/// </summary>
[Tags("SaaS credits")]
public sealed class SaasCreditsController : SaasController
{
    public SaasCreditsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpGet("/api/credits/balance")]
    [ProducesResponseType<CreditAccount>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Balance([FromQuery(Name = "team_id")] string? teamId, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new GetCreditBalanceQuery(teamId, Caller), cancellationToken));

    [HttpGet("/api/credits/teams/{teamId}/balance")]
    [ProducesResponseType<CreditAccount>(StatusCodes.Status200OK)]
    public Task<IActionResult> TeamBalance(string teamId, CancellationToken cancellationToken) => Balance(teamId, cancellationToken);

    /// <summary>Adds credits to a team (<c>amount</c>, or <c>credits</c>), recorded as an allocation.</summary>
    [HttpPost("/api/credits/add")]
    [ProducesResponseType<CreditAddition>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Add([FromBody] AddCreditsRequest request, CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new AddCreditsCommand(request.TeamId, request.Amount ?? request.Credits, request.Reason, Caller), cancellationToken));

    [HttpPost("/api/credits/teams/{teamId}/add")]
    [ProducesResponseType<CreditAddition>(StatusCodes.Status200OK)]
    public Task<IActionResult> TeamAdd(string teamId, [FromBody] AddCreditsRequest request, CancellationToken cancellationToken) =>
        Add(request with { TeamId = teamId }, cancellationToken);

    /// <summary>The team's credit transactions, newest first (<c>limit</c>, default 50; <c>offset</c>).</summary>
    [HttpGet("/api/credits/transactions")]
    [ProducesResponseType<CreditTransactionList>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Transactions(
        [FromQuery(Name = "team_id")] string? teamId,
        [FromQuery] int? limit,
        [FromQuery] int? offset,
        CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListCreditTransactionsQuery(teamId, limit ?? 50, offset ?? 0, Caller), cancellationToken));

    [HttpGet("/api/credits/teams/{teamId}/transactions")]
    [ProducesResponseType<CreditTransactionList>(StatusCodes.Status200OK)]
    public Task<IActionResult> TeamTransactions(string teamId, [FromQuery] int? limit, [FromQuery] int? offset, CancellationToken cancellationToken) =>
        Transactions(teamId, limit, offset, cancellationToken);
}
