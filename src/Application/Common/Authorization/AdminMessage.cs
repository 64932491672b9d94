namespace LlmPlatform.Application.Common.Authorization;

/// <summary>The plain acknowledgement LiteLLM's admin endpoints answer with: <c>{"success": true, "message": "..."}</c>.</summary>
public sealed record AdminMessage(bool Success, string Message);
