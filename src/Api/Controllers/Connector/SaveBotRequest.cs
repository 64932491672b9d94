namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The body of <c>POST /admin/bot/feishu/save</c>: no id creates, an id changes.</summary>
public sealed record SaveBotRequest
{
    public long? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>A JSON object written as a string: appId, appSecret, apiKey, modelId.</summary>
    public string? Config { get; init; }

    public string? Provider { get; init; }
}
