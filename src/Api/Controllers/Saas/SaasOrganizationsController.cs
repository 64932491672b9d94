using LlmPlatform.Application.Access.Organizations;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The SaaS dialect's organizations (seed 002, <c>/api/organizations</c>), over the platform's organizations.</summary>
[Tags("SaaS")]
public sealed class SaasOrganizationsController : SaasController
{
    public SaasOrganizationsController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/api/organizations/create")]
    [ProducesResponseType<SaasOrganizationView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Create([FromBody] CreateOrganizationRequest request, CancellationToken cancellationToken)
    {
        if (SaasAnswers.FirstMissing(("organization_id", request.OrganizationId), ("name", request.Name)) is { } missing)
        {
            return Failure(missing);
        }

        var fields = new OrganizationFields { OrganizationId = request.OrganizationId, OrganizationAlias = request.Name, Metadata = request.Metadata ?? [] };
        var result = await Mediator.Send(new CreateOrganizationCommand(fields, Caller), cancellationToken);
        return result.IsSuccess
            ? Ok(SaasOrganizationView.Of(result.Value))
            : Failure(result.Error!.Reword("conflict", $"Organization with ID '{request.OrganizationId}' already exists"));
    }

    [HttpGet("/api/organizations/{orgId}")]
    [ProducesResponseType<SaasOrganizationView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(string orgId, CancellationToken cancellationToken)
    {
        var result = await FindAsync(orgId, cancellationToken);
        return result.IsSuccess ? Ok(SaasOrganizationView.Of(result.Value)) : Failure(result.Error!);
    }

    [HttpGet("/api/organizations/{orgId}/teams")]
    [ProducesResponseType<SaasOrganizationTeams>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Teams(string orgId, CancellationToken cancellationToken)
    {
        var result = await FindAsync(orgId, cancellationToken);
        return result.IsSuccess
            ? Ok(new SaasOrganizationTeams { OrganizationId = result.Value.OrganizationId, TeamCount = result.Value.Teams.Count, Teams = result.Value.Teams })
            : Failure(result.Error!);
    }

    private async Task<Result<OrganizationInfo>> FindAsync(string orgId, CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new GetOrganizationInfoQuery(orgId, Caller), cancellationToken);
        return result.IsSuccess ? result : result.Error!.Reword("organization_not_found", $"Organization '{orgId}' not found");
    }
}
