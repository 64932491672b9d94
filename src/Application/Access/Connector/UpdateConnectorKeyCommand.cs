using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Access.Connector;

/// <summary><c>POST /admin/api-key/update</c>: the fields given change, the others stay.</summary>
public sealed record UpdateConnectorKeyCommand(long? Id, string? Name, string? Role, long? GroupId, decimal? MonthQuota, CallerIdentity Caller)
    : ICommand<ConnectorKey>;
