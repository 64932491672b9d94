namespace LlmPlatform.Application.Gateway;

/// <summary>
/// What a model call came to, from the request's usage event: for the response headers (<c>x-llmplatform-model-id</c>,
/// <c>-attempts</c>, <c>-response-cost</c>) and for the SaaS dialect's job calls. The handler fills it when it
/// publishes the event (for a stream, when the stream ends); the caller reads it after that.
/// </summary>
public sealed class CallReceipt
{
    /// <summary>The deployment that answered; null when none did or the answer came from the cache.</summary>
    public string? DeploymentId { get; private set; }

    public int Attempts { get; private set; }

    public decimal Cost { get; private set; }

    public long PromptTokens { get; private set; }

    public long CompletionTokens { get; private set; }

    /// <summary>Whether the call has been settled (its usage event published).</summary>
    public bool Settled { get; private set; }

    /// <summary>The failure's code when the call failed; null when it succeeded.</summary>
    public string? ErrorType { get; private set; }

    public TimeSpan Duration { get; private set; }

    internal void Take(UsageEvent usage)
    {
        DeploymentId = usage.DeploymentId;
        Attempts = usage.Attempts;
        Cost = usage.Cost;
        PromptTokens = usage.PromptTokens;
        CompletionTokens = usage.CompletionTokens;
        ErrorType = usage.Status == "success" ? null : usage.ErrorType ?? "failure";
        Duration = usage.EndTime - usage.StartTime;
        Settled = true;
    }
}
