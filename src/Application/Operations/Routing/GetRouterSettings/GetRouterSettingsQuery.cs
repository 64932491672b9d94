using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Operations.Routing.GetRouterSettings;

/// <summary><c>GET /router/settings</c>.</summary>
public sealed record GetRouterSettingsQuery(CallerIdentity Caller) : IQuery<RouterSettingsView>;
