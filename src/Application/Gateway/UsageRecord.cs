using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway;

/// <summary>Builds the one <see cref="UsageEvent"/> of a gateway request from its command and outcome.</summary>
internal static class UsageRecord
{
    public static UsageEvent Create(
        IGatewayCommand command,
        string callType,
        string? modelGroup,
        ModelDeployment? deployment,
        DateTimeOffset started,
        DateTimeOffset ended,
        long promptTokens,
        long completionTokens,
        Error? error,
        int attempts,
        bool stream = false,
        DateTimeOffset? firstToken = null)
    {
        var caller = command.Caller;
        return new UsageEvent
        {
            RequestId = command.RequestId,
            CallType = callType,
            KeyHash = caller.KeyHash,
            KeyAlias = caller.KeyAlias,
            UserId = caller.UserId,
            TeamId = caller.TeamId,
            OrganizationId = caller.OrganizationId,
            EndUser = command.EndUser,
            ModelGroup = modelGroup ?? command.RequestedModel,
            DeploymentId = deployment?.Id,
            Provider = deployment?.Provider,
            ApiBase = deployment?.Settings.ApiBase,
            PromptTokens = promptTokens,
            CompletionTokens = completionTokens,
            Cost = deployment?.Pricing.Cost(promptTokens, completionTokens) ?? 0m,
            StartTime = started,
            EndTime = ended,
            FirstTokenTime = firstToken,
            Status = error is null ? "success" : "failure",
            ErrorType = error?.Code,
            Stream = stream,
            Attempts = attempts,
        };
    }
}
