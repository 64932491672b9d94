using LlmPlatform.Application.Operations.Health;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Operations;

/// <summary>Liveness, readiness and the state of every dependency; no key needed.</summary>
[AllowAnonymous]
[Tags("Health")]
public sealed class HealthController : DialectController
{
    public HealthController(IMediator mediator)
        : base(mediator)
    {
    }

    /// <summary>Overall health: readiness plus every dependency.</summary>
    [HttpGet("/health")]
    [ProducesResponseType<HealthReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthReport>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> Health(CancellationToken cancellationToken)
    {
        var readiness = (await Mediator.Send(new GetReadinessQuery(), cancellationToken)).Value;
        var services = (await Mediator.Send(new GetServicesHealthQuery(), cancellationToken)).Value;
        var providers = services.Where(s => s.Kind == "provider").ToList();
        var report = new HealthReport
        {
            Status = readiness.Status,
            Db = readiness.Db,
            Redis = readiness.Redis,
            HealthyEndpoints = providers.Where(p => p.IsHealthy).Select(p => p.Name).ToList(),
            UnhealthyEndpoints = providers.Where(p => !p.IsHealthy).Select(p => p.Name).ToList(),
            HealthyCount = providers.Count(p => p.IsHealthy),
            UnhealthyCount = providers.Count(p => !p.IsHealthy),
        };
        return StatusCode(readiness.IsReady ? 200 : 503, report);
    }

    /// <summary>The process is up.</summary>
    [HttpGet("/health/liveness")]
    [HttpGet("/health/liveliness")]
    [ProducesResponseType<LivenessReport>(StatusCodes.Status200OK)]
    public IActionResult Liveness() => Ok(new LivenessReport { Status = "I'm alive!" });

    /// <summary>Ready for traffic: migrations applied, not draining, PostgreSQL reachable. Redis down only degrades.</summary>
    [HttpGet("/health/readiness")]
    [HttpGet("/ready")]
    [ProducesResponseType<ReadinessReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ReadinessReport>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> Readiness(CancellationToken cancellationToken)
    {
        var report = (await Mediator.Send(new GetReadinessQuery(), cancellationToken)).Value;
        return StatusCode(report.IsReady ? 200 : 503, report);
    }

    /// <summary>PostgreSQL, Redis and each configured provider with status and latency.</summary>
    [HttpGet("/health/services")]
    [ProducesResponseType<ServicesReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ServicesReport>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> Services(CancellationToken cancellationToken)
    {
        var services = (await Mediator.Send(new GetServicesHealthQuery(), cancellationToken)).Value;
        var db = services.FirstOrDefault(s => s.Kind == "database");
        var report = new ServicesReport
        {
            Status = db?.IsHealthy == true ? (services.All(s => s.IsHealthy || s.Status == "not_configured") ? "healthy" : "degraded") : "unhealthy",
            Services = services,
        };
        return StatusCode(db?.IsHealthy == true ? 200 : 503, report);
    }
}
