namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>One input line of a batch as stored for execution.</summary>
internal sealed record BatchLine(int LineNo, string RequestId, string CustomId, string Body);
