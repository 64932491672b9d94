namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The body of <c>POST /admin/api-key/recharge</c>: the key by <c>id</c> or by the key itself, and USD to add.</summary>
public sealed record RechargeKeyRequest
{
    public long? Id { get; init; }

    public string? ApiKey { get; init; }

    public decimal? Balance { get; init; }
}
