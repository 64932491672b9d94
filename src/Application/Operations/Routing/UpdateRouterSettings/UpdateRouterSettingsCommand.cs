using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Operations.Routing.UpdateRouterSettings;

/// <summary><c>PATCH /router/settings</c>: the settings given change; the others stay.</summary>
public sealed record UpdateRouterSettingsCommand(CallerIdentity Caller, JsonElement Changes) : ICommand<RouterSettingsView>;
