using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Messages.Contracts;

namespace LlmPlatform.Application.Gateway.Messages.CountTokens;

/// <summary>How many input tokens an Anthropic Messages request would use, without calling a model.</summary>
public sealed record CountMessageTokensQuery(AnthropicMessagesRequest Request, CallerIdentity Caller) : IQuery<AnthropicTokenCount>;
