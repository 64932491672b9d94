namespace LlmPlatform.Api.Controllers.Connector;

/// <summary>The body of <c>POST /admin/model/save</c>: no id creates, an id changes; prices are USD per million tokens.</summary>
public sealed record SaveModelRequest
{
    public long? Id { get; init; }

    public string? Name { get; init; }

    public long? GroupId { get; init; }

    public bool? Multiple { get; init; }

    /// <summary>A JSON object written as a string, such as <c>{"modelId": "..."}</c>.</summary>
    public string? Config { get; init; }

    /// <summary><c>bedrock-converse</c>, <c>openai-compatible</c> or <c>mock</c>.</summary>
    public string? Provider { get; init; }

    public decimal? PriceIn { get; init; }

    public decimal? PriceOut { get; init; }
}
