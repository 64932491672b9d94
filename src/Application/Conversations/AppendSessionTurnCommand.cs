using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Conversations;

/// <summary>Adds a prompt and its answer at the end of one of the caller's sessions.</summary>
public sealed record AppendSessionTurnCommand(string SessionId, string Prompt, string Answer, string Model, string RequestId, CallerIdentity Caller) : ICommand<Unit>;
