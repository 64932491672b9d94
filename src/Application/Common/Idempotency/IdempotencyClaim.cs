namespace LlmPlatform.Application.Common.Idempotency;

/// <summary>The outcome of claiming an idempotency key; <see cref="Answer"/> is set for <see cref="IdempotencyState.Replay"/>.</summary>
public sealed record IdempotencyClaim(IdempotencyState State, StoredAnswer? Answer = null);
