using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>POST /admin/api-key/apply</c>: a user and its key; the answer holds the key, shown this once.</summary>
public sealed record ApplyConnectorKeyCommand(string? Name, long? GroupId, string? Role, string? Email, decimal? MonthQuota, CallerIdentity Caller)
    : ICommand<ConnectorKey>;
