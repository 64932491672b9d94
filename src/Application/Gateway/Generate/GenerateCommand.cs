using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>
/// <c>POST /v1/generate</c>: one text generation through the chat completion use case, with the session's earlier
/// messages as history when a session is named; leaving the request cancels the upstream call.
/// </summary>
public sealed record GenerateCommand(
    string? Model,
    string? Modality,
    string? Prompt,
    double? Temperature,
    int? MaxTokens,
    double? TopP,
    JsonElement? Stop,
    string? SessionId,
    bool Stream,
    CallerIdentity Caller,
    string RequestId) : ICommand<GenerateOutcome>;
