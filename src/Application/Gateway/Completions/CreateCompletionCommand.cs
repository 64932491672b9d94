using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>One legacy text completion for one caller, streamed or not.</summary>
public sealed record CreateCompletionCommand(TextCompletionRequest Request, CallerIdentity Caller, string RequestId)
    : ICommand<CompletionOutcome>, IGatewayCommand
{
    public string? RequestedModel => Request.Model;

    public string? EndUser => Request.User;

    public int? MaxOutputTokens => Request.MaxTokens;

    public int EstimatePromptTokens(ITokenCounter counter) => TextInputs.CountTokens(Request.Prompt, counter);
}
