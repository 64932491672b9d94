namespace LlmPlatform.Infrastructure.Webhooks;

/// <summary>What one attempt got: the receiver's status code, or the error that stopped it; how long it took.</summary>
internal sealed record DeliveryOutcome(int? StatusCode, string? Error, int DurationMs)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
