using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Gateway.Generate;

/// <summary><c>POST /v1/requests/{id}/cancel</c>: cancels one of the caller's running generations and its upstream call.</summary>
public sealed record CancelGenerationCommand(string RequestId, CallerIdentity Caller) : ICommand<CancelledGeneration>;
