using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Operations.Health;

/// <summary>Ready when migrations are applied, the node is not draining and PostgreSQL answers; Redis down only degrades.</summary>
internal sealed class GetReadinessQueryHandler : IRequestHandler<GetReadinessQuery, Result<ReadinessReport>>
{
    private readonly IEnumerable<IHealthProbe> _probes;
    private readonly ReadinessState _state;

    public GetReadinessQueryHandler(IEnumerable<IHealthProbe> probes, ReadinessState state)
    {
        _probes = probes;
        _state = state;
    }

    public async Task<Result<ReadinessReport>> Handle(GetReadinessQuery request, CancellationToken cancellationToken)
    {
        var checks = new List<ServiceHealth>();
        foreach (var probe in _probes.Where(p => p.Kind is "database" or "cache"))
        {
            checks.AddRange(await probe.CheckAsync(cancellationToken).ConfigureAwait(false));
        }

        var db = checks.FirstOrDefault(c => c.Kind == "database");
        var redis = checks.FirstOrDefault(c => c.Kind == "cache");
        var dbUp = db?.IsHealthy == true;
        var redisState = redis is null || redis.Status == "not_configured" ? "not_configured" : redis.IsHealthy ? "connected" : "disconnected";

        var failing = new List<string>();
        if (!dbUp)
        {
            failing.Add("postgres");
        }

        if (redisState == "disconnected")
        {
            failing.Add("redis");
        }

        if (!_state.MigrationsApplied)
        {
            failing.Add("migrations");
        }

        if (_state.ShuttingDown)
        {
            failing.Add("shutting_down");
        }

        var unhealthy = !dbUp || !_state.MigrationsApplied || _state.ShuttingDown;
        var status = unhealthy ? "unhealthy" : failing.Count > 0 ? "degraded" : "healthy";
        return new ReadinessReport
        {
            Status = status,
            Db = dbUp ? "connected" : "disconnected",
            Cache = redisState == "connected" ? "redis" : "in-memory",
            Redis = redisState,
            MigrationsApplied = _state.MigrationsApplied,
            ShuttingDown = _state.ShuttingDown,
            Failing = failing,
        };
    }
}
