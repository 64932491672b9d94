using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Billing.Credits;

/// <summary><c>POST /api/credits/add</c>: an admin gives a team credits.</summary>
public sealed record AddCreditsCommand(string? TeamId, long? Amount, string? Reason, CallerIdentity Caller) : ICommand<CreditAddition>;
