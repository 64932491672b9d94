using LlmPlatform.Api.Errors;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>
/// The Connector dialect (seed 004, BRConnector's <c>/admin/*</c> and <c>/user/*</c>): every answer is
/// <c>{"success", "data"}</c>; failures carry the message in <c>data</c> with the HTTP status (see <see cref="ConnectorErrors"/>).
/// </summary>
[ProducesResponseType<ConnectorErrorEnvelope>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<ConnectorErrorEnvelope>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<ConnectorErrorEnvelope>(StatusCodes.Status403Forbidden)]
[ProducesResponseType<ConnectorErrorEnvelope>(StatusCodes.Status404NotFound)]
public abstract class ConnectorController : DialectController
{
    protected ConnectorController(IMediator mediator)
        : base(mediator)
    {
    }

    /// <summary>Sends the request and wraps its value as <c>{"success": true, "data": ...}</c>.</summary>
    protected async Task<IActionResult> SendAsync<T>(IRequest<Result<T>> request, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(request, cancellationToken);
        return result.IsSuccess ? Ok(new ConnectorReply<T>(true, result.Value)) : Failure(result.Error!);
    }

    /// <summary>An integer id from the path; anything else is a 400.</summary>
    protected static Result<long> IdOf(string? value, string name) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : Error.Validation($"'{name}' must be a positive integer.", name);
}
