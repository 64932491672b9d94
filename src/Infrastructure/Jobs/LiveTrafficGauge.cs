using LlmPlatform.Application.Catalog;
using LlmPlatform.Infrastructure.Gateway.Routing;

namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>
/// How many upstream calls are in flight on this node right now, summed over the router's deployments: the
/// batch executor subtracts its own and gives up one of its slots per live request.
/// </summary>
internal sealed class LiveTrafficGauge
{
    private readonly Router _router;
    private readonly IModelCatalog _catalog;

    public LiveTrafficGauge(Router router, IModelCatalog catalog)
    {
        _router = router;
        _catalog = catalog;
    }

    public int InFlight()
    {
        var total = 0;
        foreach (var deployment in _catalog.AllDeployments)
        {
            total += _router.StateOf(deployment).InFlight;
        }

        return total;
    }

    /// <summary>The batch's concurrency now: its maximum less the live requests (in flight, not the batch's own), at least one.</summary>
    public int BatchSlots(int maximum, int batchInFlight) => Math.Max(1, maximum - Math.Max(0, InFlight() - batchInFlight));
}
