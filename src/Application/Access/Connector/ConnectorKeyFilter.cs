namespace LlmPlatform.Application.Access.Connector;

/// <summary>The filters of <c>GET /admin/api-key/list</c>; <see cref="UserRole"/> is already the user's role.</summary>
public sealed record ConnectorKeyFilter(string? Q, string? Name, long? GroupId, string? UserRole, int Limit, int Offset);
