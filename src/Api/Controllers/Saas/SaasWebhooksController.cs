using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Application.Webhooks;
using LlmPlatform.Application.Webhooks.CreateWebhook;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The SaaS dialect's webhook registration (seed 002, <c>/api/webhooks/register</c>), over the platform's webhooks.</summary>
[Tags("SaaS")]
public sealed class SaasWebhooksController : SaasController
{
    private static readonly IReadOnlyList<string> JobEvents = [WebhookEventTypes.JobCompleted, WebhookEventTypes.JobFailed];

    public SaasWebhooksController(IMediator mediator)
        : base(mediator)
    {
    }

    [HttpPost("/api/webhooks/register")]
    [ProducesResponseType<RegisteredWebhookView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Register([FromBody] RegisterWebhookRequest request, CancellationToken cancellationToken)
    {
        if (SaasAnswers.FirstMissing(("team_id", request.TeamId), ("webhook_url", request.WebhookUrl)) is { } missing)
        {
            return Failure(missing);
        }

        var teamId = request.TeamId!;
        if (Caller.IsAdmin)
        {
            // An admin may name any team, so it must exist; another key may name only its own, which the command checks.
            var team = await Mediator.Send(new GetTeamInfoQuery(teamId, Caller), cancellationToken);
            if (!team.IsSuccess)
            {
                return Failure(team.Error!.Reword("team_not_found", $"Team '{teamId}' not found"));
            }
        }

        var command = new CreateWebhookCommand(Caller, request.WebhookUrl, request.Events ?? JobEvents, null) { TeamId = teamId, AuthHeader = request.AuthHeader };
        var result = await Mediator.Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            var error = result.Error!;
            return Failure(error.Param == "url" ? error with { Param = "webhook_url" } : error);
        }

        var webhook = result.Value;
        return Ok(new RegisteredWebhookView
        {
            WebhookId = webhook.Id,
            TeamId = teamId,
            WebhookUrl = webhook.Url,
            Events = webhook.Events,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(webhook.CreatedAt).UtcDateTime,
        });
    }
}
