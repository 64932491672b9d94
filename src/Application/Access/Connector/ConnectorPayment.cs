namespace LlmPlatform.Application.Access.Connector;

/// <summary>One recharge of a key's balance, in USD.</summary>
public sealed record ConnectorPayment(long Id, long KeyId, string? KeyName, decimal Fee, DateTimeOffset CreatedAt);
