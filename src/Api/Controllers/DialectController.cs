using LlmPlatform.Api.Authentication;
using LlmPlatform.Api.Controllers.OpenAi;
using LlmPlatform.Api.Endpoints;
using LlmPlatform.Api.Errors;
using LlmPlatform.Api.Hosting;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers;

/// <summary>What every dialect's controller needs: the mediator, the caller, the request id, and results to responses.</summary>
[ApiController]
[Produces("application/json")]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<ErrorEnvelope>(StatusCodes.Status401Unauthorized)]
public abstract class DialectController : ControllerBase
{
    protected DialectController(IMediator mediator)
    {
        Mediator = mediator;
    }

    protected IMediator Mediator { get; }

    protected CallerIdentity Caller => ApiKeyMiddleware.CallerOf(HttpContext);

    protected string RequestId => RequestIdMiddleware.Of(HttpContext);

    protected IActionResult ToResult<T>(Result<T> result) =>
        result.IsSuccess ? Ok(result.Value) : new ErrorResult(result.Error!);

    protected static IActionResult Failure(Error error) => new ErrorResult(error);

    /// <summary>Sends a routed model call; an answer goes out with the gateway's headers (deployment, attempts, cost, cache).</summary>
    protected async Task<IActionResult> SendRoutedAsync<T>(IRequest<Result<T>> command, CallReceipt receipt, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(command, cancellationToken);
        if (result.IsSuccess)
        {
            CacheHeaders.Write(HttpContext);
            GatewayHeaders.Write(Response, receipt);
        }

        return ToResult(result);
    }
}
