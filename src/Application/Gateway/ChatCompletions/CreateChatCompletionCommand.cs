using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.ChatCompletions;

/// <summary>One chat completion for one caller, streamed or not.</summary>
public sealed record CreateChatCompletionCommand(
    ChatCompletionRequest Request,
    CallerIdentity Caller,
    string RequestId,
    string CallType = "chat_completion") : ICommand<ChatCompletionOutcome>, IGatewayCommand
{
    public string? RequestedModel => Request.Model;

    public string? EndUser => Request.User;

    public int? MaxOutputTokens => Request.EffectiveMaxTokens;

    public int EstimatePromptTokens(ITokenCounter counter) => Request.Messages is { } messages ? counter.CountPrompt(messages) : 0;
}
