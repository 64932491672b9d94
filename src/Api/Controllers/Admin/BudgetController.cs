using System.Text.Json;
using LlmPlatform.Api.Controllers.Admin.Docs;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Application.Billing.Budgets;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>LiteLLM's shared-budget endpoints: <c>/budget/*</c>.</summary>
public sealed class BudgetController : AdminController
{
    public BudgetController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/budget/new")]
    [RequestBodySchema(typeof(BudgetFields))]
    [ProducesResponseType<BudgetInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryRead<BudgetFields>(body, out var fields, out var failure))
        {
            return failure!;
        }

        return Answer(await Mediator.Send(new CreateBudgetCommand(fields, Caller), cancellationToken), budget => budget);
    }

    [HttpPost("/budget/update")]
    [RequestBodySchema(typeof(BudgetFields))]
    [ProducesResponseType<BudgetInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Update([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryRead<BudgetFields>(body, out var fields, out var failure))
        {
            return failure!;
        }

        return Answer(await Mediator.Send(new UpdateBudgetCommand(fields, Caller), cancellationToken), budget => budget);
    }

    [HttpGet("/budget/info")]
    [ProducesResponseType<BudgetInfo>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Info([FromQuery(Name = "budget_id")] string? budgetId, CancellationToken cancellationToken) =>
        Answer(await Mediator.Send(new GetBudgetQuery(budgetId, Caller), cancellationToken), budget => budget);

    [HttpGet("/budget/list")]
    [ProducesResponseType<IReadOnlyList<BudgetInfo>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        Answer(await Mediator.Send(new ListBudgetsQuery(Caller), cancellationToken), budgets => budgets);

    [HttpPost("/budget/delete")]
    [RequestBodySchema(typeof(BudgetDeleteRequest))]
    [ProducesResponseType<BudgetDeleteResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Delete([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (!TryString(body, "id", out var id, out var failure) || !TryString(body, "budget_id", out var budgetId, out failure))
        {
            return failure!;
        }

        return Answer(await Mediator.Send(new DeleteBudgetCommand(id ?? budgetId, Caller), cancellationToken), deleted => new { deleted = true, budget_id = deleted });
    }
}
