namespace LlmPlatform.Application.Operations.Health;

/// <summary>The state of one dependency.</summary>
/// <param name="Name">postgres, redis, or a deployment id.</param>
/// <param name="Status">healthy, unhealthy or not_configured.</param>
/// <param name="LatencyMs">How long the probe took.</param>
/// <param name="Error">Why it is unhealthy; never a credential.</param>
/// <param name="Kind">database, cache or provider.</param>
public sealed record ServiceHealth(string Name, string Status, double? LatencyMs, string? Error, string Kind)
{
    public bool IsHealthy => Status == "healthy";
}
