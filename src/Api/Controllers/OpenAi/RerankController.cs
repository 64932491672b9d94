using LlmPlatform.Api.Endpoints;
using LlmPlatform.Api.Errors;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Rerank;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary><c>POST /v1/rerank</c> (also <c>/v2/rerank</c>, Cohere's path).</summary>
[Tags("OpenAI")]
public sealed class RerankController : DialectController
{
    public RerankController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/v1/rerank")]
    [HttpPost("/rerank")]
    [HttpPost("/v2/rerank")]
    [Consumes("application/json")]
    [ProducesResponseType<RerankResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Create([FromBody] RerankRequest request, CancellationToken cancellationToken)
    {
        var command = new RerankCommand(request, Caller, RequestId);
        return await SendRoutedAsync(command, command.Receipt, cancellationToken);
    }
}
