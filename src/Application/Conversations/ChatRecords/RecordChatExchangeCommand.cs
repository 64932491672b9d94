using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Conversations.ChatRecords;

/// <summary>Records a chat completion that carried a <c>session-id</c> header, after it was answered.</summary>
public sealed record RecordChatExchangeCommand(ChatExchange Exchange, CallerIdentity Caller) : ICommand<Unit>;
