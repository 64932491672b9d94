using LlmPlatform.Application.Operations.Callbacks.ListCallbacks;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>The callbacks in force: those <c>litellm_settings</c> names and the built-in otel, prometheus and webhook.</summary>
[Tags("Callbacks")]
public sealed class CallbackController : AdminController
{
    public CallbackController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpGet("/callback/list")]
    [ProducesResponseType<IReadOnlyList<CallbackInfo>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) =>
        ToResult(await Mediator.Send(new ListCallbacksQuery(Caller), cancellationToken));

    /// <summary>LiteLLM's grouped form: <c>{"success": [...], "failure": [...], "success_and_failure": [...]}</c>.</summary>
    [HttpGet("/callbacks/list")]
    [ProducesResponseType<Dictionary<string, IReadOnlyList<string>>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Grouped(CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new ListCallbacksQuery(Caller), cancellationToken);
        if (!result.IsSuccess)
        {
            return Failure(result.Error!);
        }

        var grouped = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var type in (string[])["success", "failure", "success_and_failure"])
        {
            grouped[type] = result.Value.Where(c => c.CallbackType == type).Select(c => c.CallbackName).ToList();
        }

        return Ok(grouped);
    }
}
