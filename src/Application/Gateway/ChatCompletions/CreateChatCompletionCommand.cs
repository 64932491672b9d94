using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Gateway.ChatCompletions;

/// <summary>One chat completion for one caller, streamed or not.</summary>
public sealed record CreateChatCompletionCommand(
    ChatCompletionRequest Request,
    CallerIdentity Caller,
    string RequestId,
    string CallType = "chat_completion") : ICommand<ChatCompletionOutcome>;
