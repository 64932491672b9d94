namespace LlmPlatform.Application.Gateway;

/// <summary>
/// What a routed call came to, for the response headers (<c>x-llmplatform-model-id</c>, <c>-attempts</c>,
/// <c>-response-cost</c>): the handler fills it from the request's usage event; the dialect reads it once the command
/// has returned.
/// </summary>
public sealed class CallReceipt
{
    /// <summary>The deployment that answered; null when none did or the answer came from the cache.</summary>
    public string? DeploymentId { get; private set; }

    public int Attempts { get; private set; }

    public decimal Cost { get; private set; }

    internal void Take(UsageEvent usage)
    {
        DeploymentId = usage.DeploymentId;
        Attempts = usage.Attempts;
        Cost = usage.Cost;
    }
}
