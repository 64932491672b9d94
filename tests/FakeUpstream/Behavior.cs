namespace LlmPlatform.FakeUpstream;

/// <summary>What the fake does with one request.</summary>
public sealed record Behavior
{
    /// <summary>Normal answer (optionally delayed), a status code, a hang, or a connection reset.</summary>
    public BehaviorKind Kind { get; init; } = BehaviorKind.Answer;

    /// <summary>Delay before the response starts.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Delay between streamed chunks.</summary>
    public TimeSpan ChunkDelay { get; init; }

    /// <summary>For <see cref="BehaviorKind.Status"/>: the status to answer with.</summary>
    public int Status { get; init; } = 200;

    /// <summary>For a 429 or 503: the Retry-After header in seconds.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>For <see cref="BehaviorKind.Status"/>: the body (the provider's error envelope when null).</summary>
    public string? Body { get; init; }

    /// <summary>For <see cref="BehaviorKind.Status"/>: send the body gzip-compressed, with its compressed length.</summary>
    public bool Gzip { get; init; }

    /// <summary>For <see cref="BehaviorKind.ResetMidStream"/>: how many chunks go out before the reset.</summary>
    public int ChunksBeforeReset { get; init; } = 2;

    /// <summary>The answer text (the default one when null).</summary>
    public string? Text { get; init; }

    /// <summary>Answer with a tool call to this function instead of text.</summary>
    public string? ToolCallName { get; init; }

    /// <summary>The arguments of the tool call, as JSON text.</summary>
    public string ToolCallArguments { get; init; } = "{\"location\":\"Paris\"}";

    public static Behavior Answer(TimeSpan latency = default) => new() { Latency = latency };

    public static Behavior Fail(int status, int? retryAfterSeconds = null, string? body = null) =>
        new() { Kind = BehaviorKind.Status, Status = status, RetryAfterSeconds = retryAfterSeconds, Body = body };

    public static Behavior Hang() => new() { Kind = BehaviorKind.Hang };

    public static Behavior ResetBeforeFirstByte() => new() { Kind = BehaviorKind.ResetBeforeFirstByte };

    public static Behavior ResetMidStream(int chunksBeforeReset = 2) => new() { Kind = BehaviorKind.ResetMidStream, ChunksBeforeReset = chunksBeforeReset };

    public static Behavior ToolCall(string name, string arguments) => new() { ToolCallName = name, ToolCallArguments = arguments };
}
