namespace LlmPlatform.Application.Billing.Credits;

/// <summary>What adding credits did: how many, and the allocation transaction it wrote.</summary>
public sealed record CreditAddition(string TeamId, long CreditsAdded, CreditTransaction Transaction);
