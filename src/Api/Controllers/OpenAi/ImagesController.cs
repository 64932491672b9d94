using LlmPlatform.Api.Endpoints;
using LlmPlatform.Api.Errors;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Images;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary><c>POST /v1/images/generations</c>.</summary>
[Tags("OpenAI")]
public sealed class ImagesController : DialectController
{
    public ImagesController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/v1/images/generations")]
    [HttpPost("/images/generations")]
    [HttpPost("/openai/deployments/{deployment}/images/generations")]
    [Consumes("application/json")]
    [ProducesResponseType<ImageResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Create([FromBody] ImageRequest request, string? deployment, CancellationToken cancellationToken)
    {
        if (deployment is not null && request.Model is null)
        {
            request = request with { Model = deployment };
        }

        var command = new CreateImageCommand(request, Caller, RequestId);
        return await SendRoutedAsync(command, command.Receipt, cancellationToken);
    }
}
