using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.Moderations;

/// <summary>Classifies one or more inputs for one caller.</summary>
public sealed record CreateModerationCommand(ModerationRequest Request, CallerIdentity Caller, string RequestId)
    : ICommand<ModerationResponse>, IRoutedCommand
{
    public CallReceipt Receipt { get; } = new();

    public string? RequestedModel => Request.Model;

    public string? EndUser => null;

    public int? MaxOutputTokens => 0;

    public int EstimatePromptTokens(ITokenCounter counter) => ModerationInputs.Texts(Request.Input)?.Sum(counter.CountText) ?? 0;
}
