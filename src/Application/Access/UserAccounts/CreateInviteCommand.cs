using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary><c>POST /v1/users/invites</c> (admins): a one-time invite to register, for one e-mail or any, lasting some days.</summary>
public sealed record CreateInviteCommand(string? Email, int? ExpiresDays, CallerIdentity Caller) : ICommand<InviteCreated>;
