using LlmPlatform.Api.Endpoints;
using LlmPlatform.Api.Errors;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Application.Gateway.Moderations;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.OpenAi;

/// <summary><c>POST /v1/moderations</c>.</summary>
[Tags("OpenAI")]
public sealed class ModerationsController : DialectController
{
    public ModerationsController(IMediator mediator)
        : base(mediator)
    {
    }

    /// <summary>The model group a moderation request without <c>model</c> goes to.</summary>
    public const string DefaultModel = "omni-moderation-latest";

    [HttpPost("/v1/moderations")]
    [HttpPost("/moderations")]
    [Consumes("application/json")]
    [ProducesResponseType<ModerationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorEnvelope>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Create([FromBody] ModerationRequest request, CancellationToken cancellationToken)
    {
        // OpenAI makes the model optional here and uses its latest moderation model; so does the gateway, by that name.
        if (request.Model is null)
        {
            request = request with { Model = DefaultModel };
        }

        var command = new CreateModerationCommand(request, Caller, RequestId);
        return await SendRoutedAsync(command, command.Receipt, cancellationToken);
    }
}
