namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>What a job call used: tokens, time, and the model name it asked for (under both names clients read).</summary>
public sealed record SaasCallMetadata(long TokensUsed, int LatencyMs, string Model, string ModelGroup);
