using LlmPlatform.Domain.Catalog;

namespace LlmPlatform.Infrastructure.Gateway.Routing;

/// <summary>The routing strategies of <c>router_settings.routing_strategy</c>.</summary>
internal static class DeploymentSelector
{
    public static ModelDeployment Pick(
        string strategy,
        IReadOnlyList<ModelDeployment> candidates,
        Func<ModelDeployment, DeploymentState> state,
        DateTimeOffset now,
        Random random)
    {
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        return strategy switch
        {
            "least-busy" => MinBy(candidates, d => state(d).InFlight, random),
            "latency-based-routing" => MinBy(candidates, d => state(d).LatencyMs is var l && double.IsNaN(l) ? -1 : l, random),
            "usage-based-routing" or "usage-based-routing-v2" => UsageBased(candidates, state, now, random),
            "cost-based-routing" => MinBy(candidates, d => (double)(d.Pricing.InputCostPerToken + d.Pricing.OutputCostPerToken), random),
            _ => WeightedShuffle(candidates, random),
        };
    }

    /// <summary>Weighted by <c>weight</c>, else <c>rpm</c>, else <c>tpm</c>, else evenly (LiteLLM's simple-shuffle).</summary>
    private static ModelDeployment WeightedShuffle(IReadOnlyList<ModelDeployment> candidates, Random random)
    {
        Func<ModelDeployment, double> weight =
            candidates.Any(d => Math.Abs(d.Settings.Weight - 1) > double.Epsilon) ? d => d.Settings.Weight
            : candidates.Any(d => d.Settings.Rpm is not null) ? d => d.Settings.Rpm ?? 0
            : candidates.Any(d => d.Settings.Tpm is not null) ? d => d.Settings.Tpm ?? 0
            : _ => 1;

        var total = 0.0;
        foreach (var candidate in candidates)
        {
            total += Math.Max(0, weight(candidate));
        }

        if (total <= 0)
        {
            return candidates[random.Next(candidates.Count)];
        }

        var point = random.NextDouble() * total;
        foreach (var candidate in candidates)
        {
            point -= Math.Max(0, weight(candidate));
            if (point < 0)
            {
                return candidate;
            }
        }

        return candidates[^1];
    }

    /// <summary>The deployment with the most headroom under its rpm/tpm this minute; fewest tokens used when none set limits.</summary>
    private static ModelDeployment UsageBased(IReadOnlyList<ModelDeployment> candidates, Func<ModelDeployment, DeploymentState> state, DateTimeOffset now, Random random)
    {
        var open = candidates.Where(d =>
        {
            var (requests, tokens) = state(d).Usage(now);
            return (d.Settings.Rpm is null || requests < d.Settings.Rpm) && (d.Settings.Tpm is null || tokens < d.Settings.Tpm);
        }).ToList();
        var pool = open.Count > 0 ? open : candidates;
        return MinBy(pool, d => state(d).Usage(now).Tokens, random);
    }

    private static ModelDeployment MinBy(IReadOnlyList<ModelDeployment> candidates, Func<ModelDeployment, double> score, Random random)
    {
        var best = new List<ModelDeployment>();
        var bestScore = double.MaxValue;
        foreach (var candidate in candidates)
        {
            var s = score(candidate);
            if (s < bestScore)
            {
                bestScore = s;
                best.Clear();
                best.Add(candidate);
            }
            else if (Math.Abs(s - bestScore) < 1e-12)
            {
                best.Add(candidate);
            }
        }

        return best.Count == 1 ? best[0] : best[random.Next(best.Count)];
    }
}
