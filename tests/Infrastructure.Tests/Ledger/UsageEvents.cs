using LlmPlatform.Application.Gateway;

namespace LlmPlatform.Infrastructure.Tests.Ledger;

/// <summary>Usage events for the ledger writer's tests: a successful chat request with only what accounting needs.</summary>
internal static class UsageEvents
{
    public static UsageEvent Chat(string requestId, string keyHash, decimal cost, DateTimeOffset start) => new()
    {
        RequestId = requestId,
        CallType = "chat_completion",
        KeyHash = keyHash,
        ModelGroup = "demo",
        DeploymentId = "demo-0",
        Provider = "mock",
        PromptTokens = 10,
        CompletionTokens = 5,
        Cost = cost,
        StartTime = start,
        EndTime = start.AddMilliseconds(30),
        Status = "success",
        Attempts = 1,
    };
}
