namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>
/// One event of a streamed <c>/v1/generate</c>: a piece of text, then a last event with <c>done</c> and the usage
/// (or the error that ended the stream); <c>data: [DONE]</c> follows.
/// </summary>
public sealed record GenerateChunk
{
    public required string RequestId { get; init; }

    public required string Model { get; init; }

    public string? SessionId { get; init; }

    public Application.Gateway.Generate.GenerateOutput? Output { get; init; }

    public bool Done { get; init; }

    public Application.Gateway.Generate.GenerateUsage? Usage { get; init; }

    public Errors.ErrorBody? Error { get; init; }
}
