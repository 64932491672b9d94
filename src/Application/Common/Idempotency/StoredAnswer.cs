namespace LlmPlatform.Application.Common.Idempotency;

/// <summary>An answer kept for replay: its status, content type and body.</summary>
public sealed record StoredAnswer(int StatusCode, string? ContentType, byte[] Body);
