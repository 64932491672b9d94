namespace LlmPlatform.Application.Billing.Credits;

/// <summary>The outcome of charging a job: whether it was charged (now or before) and the balance after.</summary>
public sealed record JobCharge(bool Applied, long CreditsRemaining);
