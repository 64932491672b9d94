using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.ChatCompletions;

/// <summary>
/// One chat completion for one caller, streamed or not. A <paramref name="Receipt"/>, when given, is filled with what
/// the call came to when it settles (for a stream, at its end).
/// </summary>
public sealed record CreateChatCompletionCommand(
    ChatCompletionRequest Request,
    CallerIdentity Caller,
    string RequestId,
    string CallType = "chat_completion",
    CallReceipt? Receipt = null) : ICommand<ChatCompletionOutcome>, IGatewayCommand
{
    public string? RequestedModel => Request.Model;

    public string? EndUser => Request.User;

    public int? MaxOutputTokens => Request.EffectiveMaxTokens;

    public int EstimatePromptTokens(ITokenCounter counter) => Request.Messages is { } messages ? counter.CountPrompt(messages) : 0;
}
