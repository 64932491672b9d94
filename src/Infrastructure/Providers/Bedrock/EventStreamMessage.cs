namespace LlmPlatform.Infrastructure.Providers.Bedrock;

/// <summary>One decoded event-stream message: its string headers and its payload.</summary>
/// <param name="Headers">The headers whose value is a string (<c>:event-type</c>, <c>:message-type</c>, ...).</param>
/// <param name="Payload">The payload; valid until the reader reads the next message.</param>
internal sealed record EventStreamMessage(IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Payload)
{
    public string? MessageType => Headers.GetValueOrDefault(":message-type");

    public string? EventType => Headers.GetValueOrDefault(":event-type");

    public string? ExceptionType => Headers.GetValueOrDefault(":exception-type");
}
