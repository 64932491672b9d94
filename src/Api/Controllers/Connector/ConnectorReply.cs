namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The Connector dialect's success body (seed 004): <c>{"success": true, "data": &lt;result&gt;}</c>.</summary>
public sealed record ConnectorReply<T>(bool Success, T Data);
