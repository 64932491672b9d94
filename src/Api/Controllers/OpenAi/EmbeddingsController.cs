using LlmPlatform.Api.Endpoints;
using LlmPlatform.Api.Errors;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Embeddings;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary><c>POST /v1/embeddings</c>.</summary>
[Tags("OpenAI")]
public sealed class EmbeddingsController : DialectController
{
    public EmbeddingsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/v1/embeddings")]
    [HttpPost("/embeddings")]
    [HttpPost("/openai/deployments/{deployment}/embeddings")]
    [Consumes("application/json")]
    [ProducesResponseType<EmbeddingsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Create([FromBody] EmbeddingsRequest request, string? deployment, CancellationToken cancellationToken)
    {
        if (deployment is not null && request.Model is null)
        {
            request = request with { Model = deployment };
        }

        var command = new CreateEmbeddingsCommand(request, Caller, RequestId);
        return await SendRoutedAsync(command, command.Receipt, cancellationToken);
    }
}
