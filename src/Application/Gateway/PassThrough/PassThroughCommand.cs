using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Gateway.PassThrough;

/// <summary>Forwards one raw request to a configured provider for one caller.</summary>
public sealed record PassThroughCommand(string Provider, PassThroughRequest Request, CallerIdentity Caller, string RequestId)
    : ICommand<PassThroughResponse>, IGatewayCommand
{
    public string? RequestedModel => null;

    public string? EndUser => null;

    public int? MaxOutputTokens => null;

    public int EstimatePromptTokens(ITokenCounter counter) => 0;
}
