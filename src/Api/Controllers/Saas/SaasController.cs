using LlmPlatform.Api.Errors;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>
/// The SaaS dialect (seed 002, under <c>/api</c>): errors as FastAPI writes them (<c>{"detail": ...}</c>, 422 for
/// validation; see <see cref="SaasErrors"/>), keyed by the path, so every failure on these routes has that shape.
/// </summary>
[ProducesResponseType<SaasErrorEnvelope>(StatusCodes.Status403Forbidden)]
[ProducesResponseType<SaasErrorEnvelope>(StatusCodes.Status404NotFound)]
[ProducesResponseType<SaasValidationEnvelope>(StatusCodes.Status422UnprocessableEntity)]
public abstract class SaasController : DialectController
{
    protected SaasController(IMediator mediator)
        : base(mediator)
    {
    }
}
